package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.ConditionClause;
import dev.ecsiamguard.core.policy.ConditionOperator;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A wildcard in `sub` lets more workflows in than the one that deploys; scored by reach: any repository is
 * critical, any repository of the owner medium (AWS's stated minimum), any branch of the repository low.
 */
final class GitHubSubjectNotWildcarded implements GitHubTrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-SUB-WILDCARD", Severity.CRITICAL,
            "GitHub trust names exact subjects",
            "Replace the StringLike pattern with StringEquals on the exact subjects that deploy.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(GitHubTrust trust) {
        List<Finding> out = new ArrayList<>();
        for (TrustGrant grant : trust.grants()) {
            List<String> wide = new ArrayList<>();
            SubjectScope worst = SubjectScope.EXACT;
            for (ConditionClause clause : GitHubTrust.positiveSubClauses(grant)) {
                if (clause.operator() != ConditionOperator.STRING_LIKE) {
                    continue;
                }
                for (String value : clause.values()) {
                    SubjectScope scope = SubjectScope.of(value);
                    if (scope != SubjectScope.EXACT) {
                        wide.add(value);
                        worst = List.of(worst, scope).stream().max(Comparator.naturalOrder()).orElseThrow();
                    }
                }
            }
            if (!wide.isEmpty()) {
                out.add(Finding.of(METADATA, trust.roleArn(), "Role " + trust.roleArn() + " can be assumed from "
                        + worst.describe() + " through sub " + wide + ".")
                        .withSeverity(worst.severity(trust.production())).withFix(trust.pinnedCondition(grant)));
            }
        }
        return out;
    }
}
