package dev.ecsiamguard.aws;

import dev.ecsiamguard.app.rolechange.PolicyAttachments;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** The roles a managed policy is attached to (permission policy or boundary), through ListEntitiesForPolicy. */
public final class IamPolicyAttachments implements PolicyAttachments {

    private final IamClient iam;

    public IamPolicyAttachments(IamClient iam) {
        this.iam = iam;
    }

    @Override
    public List<String> rolesUsing(String policyArn) {
        List<String> roles = new ArrayList<>();
        try {
            iam.listEntitiesForPolicyPaginator(r -> r.policyArn(policyArn).entityFilter(EntityType.ROLE))
                    .policyRoles().forEach(role -> roles.add(role.roleName()));
        } catch (NoSuchEntityException deleted) {
            return List.of();
        }
        return roles;
    }
}
