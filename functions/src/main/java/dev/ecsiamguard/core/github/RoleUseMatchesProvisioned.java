package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.Plan;
import java.util.List;

/** OIDC-RT-ROLE-DRIFT: the writes reconciliation would make now are what changed behind its back. */
final class RoleUseMatchesProvisioned implements Rule<RoleUseRules.Subject> {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-RT-ROLE-DRIFT", Severity.HIGH,
            "Deploy role matches what was provisioned",
            "Re-run provisioning (or revert the manual change) so the role's trust and permissions match again.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(RoleUseRules.Subject s) {
        if (s.drift().isEmpty() || s.drift().get().isEmpty()) {
            return List.of();
        }
        Plan plan = s.drift().get();
        String roleArn = s.use().roleArn();
        return List.of(Finding.of(METADATA, roleArn, "Role " + roleArn + " differs from what was provisioned;"
                + " to restore it: " + String.join(", ", plan.changes().stream().map(Change::summary).toList())
                + "."));
    }
}
