package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.RuleRunner;
import java.util.List;

/**
 * The rules for a bare permission policy of unknown use (neither ECS nor deploy): only what holds for any role,
 * admin-equivalence and escalation, decided by the engine on the same canaries as deploy roles.
 */
public final class UnknownUsePolicyRules {

    public static final List<Rule<DeployRole>> ALL = List.of(new PolicyNotAdmin(), new PolicyNoPrivilegeEscalation());

    private UnknownUsePolicyRules() {
    }

    public static void run(DeployRole policy, List<Finding> findings, List<RuleError> errors) {
        RuleRunner.run(ALL, policy, policy.roleArn(), findings, errors);
    }
}
