package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.EscalationAnalysis;
import dev.ecsiamguard.core.policy.StatementRef;
import java.util.List;

/** Whatever role a policy is attached to, every action on every resource (held or reachable) owns the account. */
final class PolicyNotAdmin implements Rule<DeployRole> {

    static final RuleMetadata METADATA = new RuleMetadata("POLICY-ADMIN", Severity.CRITICAL,
            "Permission policy does not grant administrator access",
            "Remove Allow * on * and the IAM writes that grant it; grant only the actions the role's user calls, "
                    + "on its resources.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DeployRole policy) {
        EscalationAnalysis.Verdict verdict = policy.escalation();
        if (!verdict.isAdminEquivalent()) {
            return List.of();
        }
        String how = verdict.hasFullAccess()
                ? "allows every action on every resource through " + String.join(", ", verdict.fullAccess().stream()
                .map(StatementRef::describe).toList())
                : "lets its role give itself full administrative access through "
                        + EscalationAnalysis.describeAll(verdict.adminPaths());
        return List.of(Finding.of(METADATA, policy.roleArn(), "Policy " + policy.roleArn() + " " + how + "."));
    }
}
