package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.RuleRunner;
import java.util.List;

/** The deploy-role permission rules (catalog 9.6), listed explicitly; a failing rule becomes an error. */
public final class DeployRules {

    public static final List<Rule<DeployRole>> ALL = List.of(new DeployRoleNotAdmin(), new DeployPassRoleScoped(),
            new DeployPassRoleOnlyToEcsTasks(), new DeployCannotEscalateThroughEcs(), new DeployEcsActionsScoped(),
            new DeployEcrActionsScoped(), new DeployCannotExecuteCommand(),
            new DeployRoleNoPrivilegeEscalation());

    private DeployRules() {
    }

    /** Runs every deploy rule on the role, adding what they find and every rule that could not run. */
    public static void run(DeployRole role, List<Finding> findings, List<RuleError> errors) {
        RuleRunner.run(ALL, role, role.roleArn(), findings, errors);
    }

    /** Every deploy rule on the role, as a report of its own (findings and errors). */
    public static Report check(DeployRole role) {
        return RuleRunner.run(ALL, role, role.roleArn());
    }
}
