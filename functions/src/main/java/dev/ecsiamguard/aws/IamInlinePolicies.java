package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.remediate.InlinePolicies;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** A role's inline policies through IAM: GetRolePolicy (URL-encoded documents decoded) and PutRolePolicy. */
public final class IamInlinePolicies implements InlinePolicies {

    private final IamClient iam;

    public IamInlinePolicies(IamClient iam) {
        this.iam = iam;
    }

    @Override
    public Optional<String> read(String roleName, String policyName) {
        try {
            return Optional.of(IamDocuments.decode(iam.getRolePolicy(r -> r.roleName(roleName)
                    .policyName(policyName)).policyDocument()));
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String roleName, String policyName, String document) {
        try {
            iam.putRolePolicy(r -> r.roleName(roleName).policyName(policyName).policyDocument(document));
        } finally {
            RoleCache.forget(roleName);  // our own write: the next read of the role is fresh
        }
    }
}
