package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import java.util.ArrayList;
import java.util.List;

/** The deploy-role permission rules (catalog 9.6), listed explicitly; a failing rule becomes an error. */
public final class DeployRules {

    static final List<DeployRule> ALL = List.of(new DeployRoleNotAdmin(), new DeployPassRoleScoped(),
            new DeployPassRoleOnlyToEcsTasks(), new DeployCannotEscalateThroughEcs(), new DeployEcsActionsScoped(),
            new DeployEcrActionsScoped(), new DeployCannotExecuteCommand());

    private DeployRules() {
    }

    public static void run(DeployRole role, List<Finding> findings, List<RuleError> errors) {
        for (DeployRule rule : ALL) {
            try {
                findings.addAll(rule.check(role));
            } catch (RuntimeException e) {
                errors.add(new RuleError(rule.metadata().id(), role.roleArn(), String.valueOf(e.getMessage())));
            }
        }
    }

    public static List<Finding> check(DeployRole role) {
        List<Finding> findings = new ArrayList<>();
        run(role, findings, new ArrayList<>());
        return findings;
    }
}
