package dev.ecsiamguard.aws;

import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;

/** Reads the default version of a managed policy (attached or boundary) as plain JSON. */
public final class IamPolicies {

    private final IamClient iam;

    public IamPolicies(IamClient iam) {
        this.iam = iam;
    }

    public Optional<String> document(String policyArn) {
        try {
            Policy policy = iam.getPolicy(r -> r.policyArn(policyArn)).policy();
            String doc = iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId(policy.defaultVersionId()))
                    .policyVersion().document();
            return Optional.of(IamDocuments.decode(doc));
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }
}
