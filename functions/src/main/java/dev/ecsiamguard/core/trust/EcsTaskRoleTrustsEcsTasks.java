package dev.ecsiamguard.core.trust;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** ECS can start a task with a task or execution role only if ecs-tasks.amazonaws.com may sts:AssumeRole it. */
final class EcsTaskRoleTrustsEcsTasks implements TrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("EXEC-TRUST", Severity.HIGH,
            "Task and execution roles trust ecs-tasks.amazonaws.com with sts:AssumeRole",
            "Trust {\"Service\": \"ecs-tasks.amazonaws.com\"} with \"Action\": \"sts:AssumeRole\".");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TrustedRole role) {
        if (!role.ecsTaskRole()) {
            return List.of();
        }
        boolean ok = role.ecsTasksGrants().stream().anyMatch(g -> g.actions().contains("sts:AssumeRole"));
        return ok ? List.of() : List.of(Finding.of(METADATA, role.roleArn(), "Role " + role.roleArn()
                + " is used by ECS tasks but its trust policy does not let " + TrustedRole.ECS_TASKS
                + " call sts:AssumeRole, so tasks cannot start with it."));
    }
}
