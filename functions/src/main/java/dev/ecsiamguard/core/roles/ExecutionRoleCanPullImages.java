package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.ContainerDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * On Fargate the agent pulls private ECR images with the execution role: it needs a registry token (only
 * grantable on *) and the image actions on each repository, or the task stops with CannotPullContainerError.
 */
final class ExecutionRoleCanPullImages extends ExecutionRoleNeeds {

    static final RuleMetadata METADATA = new RuleMetadata(
            "EXEC-ECR-PULL",
            Severity.HIGH,
            "Execution role can pull the task's private ECR images",
            "Allow ecr:GetAuthorizationToken on * and ecr:BatchGetImage, ecr:GetDownloadUrlForLayer on each "
                    + "image's repository to the execution role.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    boolean applies(TaskDefinition td) {
        return !td.runsOnlyOnInstances();
    }

    @Override
    List<Need> needs(TaskDefinition td, RoleAnalysisContext ctx) {
        List<Need> needs = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            EcrImage.parse(c.image()).ifPresent(image -> {
                String why = "image " + image.repository() + " of container " + c.displayName();
                if (needs.isEmpty()) {
                    needs.add(Need.of(why, "*", "ecr:GetAuthorizationToken"));
                }
                needs.add(Need.of(why, image.repositoryArn(ctx.partition()), "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer"));
            });
        }
        return needs;
    }
}
