package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ECS agent fetches secrets, private registry credentials and environment files, and on Fargate pulls from
 * ECR and writes awslogs, with the execution role; without one the task cannot start.
 */
final class ExecutionRolePresentWhenNeeded implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "EXEC-ROLE-MISSING",
            Severity.HIGH,
            "Task definition has an execution role when a feature needs one",
            "Set \"executionRoleArn\" to a role trusted by ecs-tasks.amazonaws.com with the permissions the task "
                    + "uses.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        if (td.hasExecutionRole()) {
            return List.of();
        }
        Set<String> needs = new LinkedHashSet<>();
        Set<String> containers = new LinkedHashSet<>();
        for (ContainerDefinition c : td.containers()) {
            List<String> own = needs(td, c);
            if (!own.isEmpty()) {
                needs.addAll(own);
                containers.add(c.displayName());
            }
        }
        if (needs.isEmpty()) {
            return List.of();
        }
        return List.of(Finding.of(METADATA, td.resourceArn(), Names.task(td) + " has no execution role, but "
                        + String.join(", ", needs) + " in container" + (containers.size() == 1 ? " " : "s ")
                        + String.join(", ", containers) + (needs.size() == 1 ? " needs" : " need") + " one.")
                .withFix("Set \"executionRoleArn\" on task definition " + td.displayName() + " to a role trusted by "
                        + "ecs-tasks.amazonaws.com that allows what " + String.join(", ", needs) + " need."));
    }

    private static List<String> needs(TaskDefinition td, ContainerDefinition c) {
        List<String> needs = new ArrayList<>();
        if (!c.secrets().isEmpty()) {
            needs.add("secrets");
        }
        LogConfiguration log = c.logConfiguration();
        if (log != null && !log.secretOptions().isEmpty()) {
            needs.add("log secretOptions");
        }
        if (c.repositoryCredentialsParameter() != null) {
            needs.add("repositoryCredentials");
        }
        if (!c.environmentFiles().isEmpty()) {
            needs.add("environmentFiles");
        }
        if (c.firelensConfiguration() != null
                && "s3".equalsIgnoreCase(c.firelensConfiguration().options().get("config-file-type"))) {
            needs.add("a FireLens config file in S3");
        }
        if (td.requiresFargate() && log != null && log.isDriver("awslogs")) {
            needs.add("the awslogs driver on Fargate");
        }
        ImageReference image = ImageReference.parse(c.image());
        if (td.requiresFargate() && image != null && image.registry().contains(".dkr.ecr.")) {
            needs.add("a private ECR image on Fargate");
        }
        return needs;
    }
}
