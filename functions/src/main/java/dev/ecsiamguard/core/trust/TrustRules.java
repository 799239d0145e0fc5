package dev.ecsiamguard.core.trust;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.RuleRunner;
import java.util.List;

/** The trust-policy rules (catalog 9.2 EXEC-TRUST and 9.4), listed explicitly; a failing rule never stops the rest. */
public final class TrustRules {

    public static final List<TrustRule> ALL = List.of(new TrustPolicyNotPublic(),
            new EcsTrustHasConfusedDeputyConditions(), new EcsTrustSourceConditionsCorrect(),
            new CrossAccountTrustHasExternalId(), new EcsTrustHasNoExtraPrincipals(), new EcsTaskRoleTrustsEcsTasks());

    private TrustRules() {
    }

    /** Runs every trust rule on the role, adding what they find and every rule that could not run. */
    public static void run(TrustedRole role, List<Finding> findings, List<RuleError> errors) {
        RuleRunner.run(ALL, role, role.roleArn(), findings, errors);
    }

    /** Every trust rule on the role, as a report of its own (findings and errors). */
    public static Report check(TrustedRole role) {
        return RuleRunner.run(ALL, role, role.roleArn());
    }
}
