package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.ConditionClause;
import dev.ecsiamguard.core.policy.ConditionOperator;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.ArrayList;
import java.util.List;

/**
 * A production deploy role must be reachable only from the protected path (the production environment or the
 * main branch): a pull request or a feature branch deploying to production skips review.
 */
final class GitHubProductionTrustPinned implements GitHubTrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-PROD-UNPINNED", Severity.HIGH,
            "Production deploy role trusts only the protected branch or environment",
            "Allow only repo:ORG/REPO:environment:production (or :ref:refs/heads/main) under StringEquals.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(GitHubTrust trust) {
        if (!trust.production()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (TrustGrant grant : trust.grants()) {
            List<String> loose = new ArrayList<>();
            for (ConditionClause clause : GitHubTrust.positiveSubClauses(grant)) {
                boolean like = clause.operator() == ConditionOperator.STRING_LIKE;
                clause.values().stream().filter(v -> unpinned(v, like, trust)).forEach(loose::add);
            }
            if (!loose.isEmpty()) {
                out.add(Finding.of(METADATA, trust.roleArn(), "Production role " + trust.roleArn()
                        + " can be assumed from sub " + loose + ", outside the protected branch or environment.")
                        .withFix(trust.pinnedCondition(grant)));
            }
        }
        return out;
    }

    private static boolean unpinned(String value, boolean like, GitHubTrust trust) {
        if (like && SubjectScope.hasWildcard(value) || value.endsWith(":pull_request")) {
            return true;
        }
        if (trust.expected().isPresent()) {
            return !trust.expected().get().subjects().contains(value);
        }
        return !(value.contains(":environment:") || value.endsWith(":ref:refs/heads/main")
                || value.endsWith(":ref:refs/heads/master"));
    }
}
