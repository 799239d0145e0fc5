package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.List;

/** `ecs:ExecuteCommand` gives a workflow a shell in running tasks, with their task role: never needed to deploy. */
final class DeployCannotExecuteCommand implements DeployRule {

    static final RuleMetadata METADATA = new RuleMetadata("DEPLOY-EXEC-COMMAND", Severity.MEDIUM,
            "Deploy role cannot open a shell in running tasks",
            "Remove ecs:ExecuteCommand from the deploy role; grant it to operators who need ECS Exec.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DeployRole role) {
        List<String> canaries = new ArrayList<>(role.canaries("ecs", "task/" + DeployRole.CANARY + "/0"));
        canaries.addAll(role.canaries("ecs", "cluster/" + DeployRole.CANARY));
        return role.mayDoAnywhere("ecs:ExecuteCommand", canaries) ? List.of(Finding.of(METADATA, role.roleArn(),
                "Deploy role " + role.roleArn() + " allows ecs:ExecuteCommand.")) : List.of();
    }
}
