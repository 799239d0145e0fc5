package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.remediate.ExecutionGrant;
import dev.ecsiamguard.core.remediate.ExecutionGrantRecord;
import dev.ecsiamguard.core.remediate.ExecutionGrants;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Records remediation grants in the execution role itself, as the inline policy
 * {@value ExecutionGrants#POLICY_NAME}: the record and the permission are one write, and provisioning reads it
 * back into the role's desired state.
 */
public final class RolePolicyGrantRecord implements ExecutionGrantRecord {

    private static final int MAX_ATTEMPTS = 4;

    private final IamClient iam;

    public RolePolicyGrantRecord(IamClient iam) {
        this.iam = iam;
    }

    @Override
    public List<ExecutionGrant> grants(String executionRoleName) {
        try {
            return ExecutionGrants.parse(IamDocuments.decode(iam.getRolePolicy(r -> r.roleName(executionRoleName)
                    .policyName(ExecutionGrants.POLICY_NAME)).policyDocument()));
        } catch (NoSuchEntityException e) {
            return List.of();
        }
    }

    // Two validations may add grants to one role at once and the last write wins: read back, and write again
    // with what is still missing, so concurrent writers end with the union of their grants.
    @Override
    public List<ExecutionGrant> add(String executionRoleName, List<ExecutionGrant> grants) {
        List<ExecutionGrant> wanted = grants.stream().distinct().toList();
        List<ExecutionGrant> recorded = new ArrayList<>(grants(executionRoleName));
        List<ExecutionGrant> added = wanted.stream().filter(g -> !recorded.contains(g)).toList();
        List<ExecutionGrant> missing = added;
        for (int attempt = 0; !missing.isEmpty(); attempt++) {
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("remediation grants on role " + executionRoleName
                        + " kept being overwritten; still missing " + missing);
            }
            String document = ExecutionGrants.document(ExecutionGrants.merge(recorded, missing));
            iam.putRolePolicy(r -> r.roleName(executionRoleName).policyName(ExecutionGrants.POLICY_NAME)
                    .policyDocument(document));
            List<ExecutionGrant> now = grants(executionRoleName);
            recorded.clear();
            recorded.addAll(now);
            missing = wanted.stream().filter(g -> !now.contains(g)).toList();
        }
        return added;
    }
}
