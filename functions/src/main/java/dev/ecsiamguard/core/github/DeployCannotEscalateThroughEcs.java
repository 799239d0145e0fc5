package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/**
 * PassRole on any role plus RegisterTaskDefinition plus a way to start tasks lets a workflow run its own image
 * with a more privileged role than its own: privilege escalation through ECS.
 */
final class DeployCannotEscalateThroughEcs implements DeployRule {

    static final RuleMetadata METADATA = new RuleMetadata("DEPLOY-ECS-PRIVESC", Severity.HIGH,
            "Deploy role cannot start tasks with arbitrary roles",
            "Limit iam:PassRole to the service's two roles so new task definitions cannot carry another role.");

    private static final List<String> STARTERS = List.of("ecs:UpdateService", "ecs:CreateService", "ecs:RunTask",
            "ecs:StartTask");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DeployRole role) {
        boolean passesAnyRole = !role.allowedOn("iam:PassRole", List.of(role.canaryRole()), "iam:PassedToService",
                DeployRole.ECS_TASKS).isEmpty();
        if (!passesAnyRole || !role.mayDoAnywhere("ecs:RegisterTaskDefinition", List.of("*"))) {
            return List.of();
        }
        List<String> starters = STARTERS.stream().filter(a -> role.mayDoAnywhere(a, role.canaries("ecs",
                "service/" + DeployRole.CANARY + "/" + DeployRole.CANARY))
                || role.mayDoAnywhere(a, role.canaries("ecs", "task-definition/" + DeployRole.CANARY + ":1"))).toList();
        return starters.isEmpty() ? List.of() : List.of(Finding.of(METADATA, role.roleArn(), "Deploy role "
                + role.roleArn() + " may pass any role to ECS tasks, register task definitions and use " + starters
                + ", so it can run code with a more privileged role than its own."));
    }
}
