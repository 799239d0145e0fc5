package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.EscalationAnalysis;
import java.util.List;

/**
 * Whatever role a policy is attached to, a path of the engine's escalation catalogue lets that role act with more
 * than it holds; paths to full access are POLICY-ADMIN's.
 */
final class PolicyNoPrivilegeEscalation implements Rule<DeployRole> {

    static final RuleMetadata METADATA = new RuleMetadata("POLICY-PRIVESC", Severity.HIGH,
            "Permission policy opens no privilege escalation path",
            "Remove IAM write actions, broad iam:PassRole with compute-creating actions, and sts:AssumeRole on *.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DeployRole policy) {
        EscalationAnalysis.Verdict verdict = policy.escalation();
        if (verdict.hasFullAccess() || verdict.otherPaths().isEmpty()) {
            return List.of();
        }
        return List.of(Finding.of(METADATA, policy.roleArn(), "Policy " + policy.roleArn() + " lets its role "
                + "escalate its privileges: " + EscalationAnalysis.describeAll(verdict.otherPaths()) + "."));
    }
}
