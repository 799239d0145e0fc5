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

    @Override
    public List<ExecutionGrant> add(String executionRoleName, List<ExecutionGrant> grants) {
        List<ExecutionGrant> recorded = grants(executionRoleName);
        List<ExecutionGrant> added = new ArrayList<>(grants.stream().distinct()
                .filter(g -> !recorded.contains(g)).toList());
        if (!added.isEmpty()) {
            String document = ExecutionGrants.document(ExecutionGrants.merge(recorded, added));
            iam.putRolePolicy(r -> r.roleName(executionRoleName).policyName(ExecutionGrants.POLICY_NAME)
                    .policyDocument(document));
        }
        return List.copyOf(added);
    }
}
