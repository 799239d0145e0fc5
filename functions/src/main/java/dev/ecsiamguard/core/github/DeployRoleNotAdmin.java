package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.EscalationAnalysis;
import dev.ecsiamguard.core.policy.StatementRef;
import java.util.List;

/**
 * A deploy role with `*:*`, or with IAM rights that grant it (a policy on itself, a new role or user with
 * AdministratorAccess), turns any compromised workflow into an account takeover.
 */
final class DeployRoleNotAdmin implements DeployRule {

    static final RuleMetadata METADATA = new RuleMetadata("DEPLOY-ADMIN", Severity.CRITICAL,
            "Deploy role is not an administrator",
            "Detach AdministratorAccess and remove Allow *:*; grant only push, register, update and the scoped"
                    + " PassRole.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DeployRole role) {
        EscalationAnalysis.Verdict verdict = role.escalation();
        if (!verdict.isAdminEquivalent()) {
            return List.of();
        }
        String how = verdict.hasFullAccess()
                ? "allows every action on every resource through " + refs(verdict.fullAccess())
                : "can give itself full administrative access through "
                        + EscalationAnalysis.describeAll(verdict.adminPaths());
        return List.of(Finding.of(METADATA, role.roleArn(), "Deploy role " + role.roleArn() + " " + how + "."));
    }

    private static String refs(List<StatementRef> refs) {
        return String.join(", ", refs.stream().map(StatementRef::describe).toList());
    }
}
