package dev.ecsiamguard.core.trust;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import java.util.ArrayList;
import java.util.List;

/** The trust-policy rules (catalog 9.2 EXEC-TRUST and 9.4), listed explicitly; a failing rule never stops the rest. */
public final class TrustRules {

    public static final List<TrustRule> ALL = List.of(new TrustPolicyNotPublic(),
            new EcsTrustHasConfusedDeputyConditions(), new EcsTrustSourceConditionsCorrect(),
            new CrossAccountTrustHasExternalId(), new EcsTrustHasNoExtraPrincipals(), new EcsTaskRoleTrustsEcsTasks());

    private TrustRules() {
    }

    public static void run(TrustedRole role, List<Finding> findings, List<RuleError> errors) {
        for (TrustRule rule : ALL) {
            try {
                findings.addAll(rule.check(role));
            } catch (RuntimeException e) {
                errors.add(new RuleError(rule.metadata().id(), role.roleArn(), String.valueOf(e.getMessage())));
            }
        }
    }

    public static List<Finding> check(TrustedRole role) {
        List<Finding> findings = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        run(role, findings, errors);
        return findings;
    }
}
