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
import java.util.SortedMap;
import java.util.TreeMap;

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
            // Each wildcarded value under the scope it opens, widest first; pinned values are not the problem.
            SortedMap<SubjectScope, List<String>> wide = new TreeMap<>(Comparator.reverseOrder());
            for (ConditionClause clause : GitHubTrust.positiveSubClauses(grant)) {
                if (clause.operator() != ConditionOperator.STRING_LIKE) {
                    continue;
                }
                for (String value : clause.values()) {
                    SubjectScope scope = SubjectScope.of(value);
                    if (scope != SubjectScope.EXACT) {
                        wide.computeIfAbsent(scope, k -> new ArrayList<>()).add(value);
                    }
                }
            }
            // A pull_request subject runs the code of any branch a pull request comes from: as wide as any ref.
            List<String> pullRequests = GitHubTrust.positiveSubClauses(grant).stream()
                    .flatMap(c -> c.values().stream()).filter(v -> v.endsWith(":pull_request")).toList();
            if (!wide.isEmpty() || !pullRequests.isEmpty()) {
                List<String> parts = new ArrayList<>(wide.entrySet().stream()
                        .map(e -> e.getKey().describe() + " through sub " + e.getValue()).toList());
                Severity severity = wide.isEmpty() ? Severity.INFORMATIONAL
                        : wide.firstKey().severity(trust.production());
                if (!pullRequests.isEmpty()) {
                    parts.add("any pull request (the code of any branch it comes from) through sub " + pullRequests);
                    severity = severity.atLeast(Severity.MEDIUM) ? severity : Severity.MEDIUM;
                }
                out.add(Finding.of(METADATA, trust.roleArn(), "Role " + trust.roleArn() + " can be assumed from "
                        + String.join("; and from ", parts) + ".")
                        .withSeverity(severity).withFix(trust.pinnedCondition(grant)));
            }
        }
        return out;
    }
}
