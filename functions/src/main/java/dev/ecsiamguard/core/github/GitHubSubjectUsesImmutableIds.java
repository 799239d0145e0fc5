package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.ArrayList;
import java.util.List;

/**
 * Names can be deleted and recreated by someone else; the `@id` form cannot. Medium when the configuration knows
 * the ids (the immutable form is available), low otherwise; repositories created from 15 July 2026 emit only the
 * id form, so a name-only trust also breaks for them.
 */
final class GitHubSubjectUsesImmutableIds implements GitHubTrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-MUTABLE-SUB", Severity.MEDIUM,
            "GitHub sub uses immutable owner and repository ids",
            "Use repo:ORG@ORG_ID/REPO@REPO_ID:... (GitHub's immutable subject form) in the sub condition.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(GitHubTrust trust) {
        // Only where the id form is known to be available (the deployment's ids are configured) is it a finding:
        // elsewhere every name-form trust would get it, and the fix could not be written.
        boolean idsKnown = trust.expected().map(GitHubDeployment::hasIds).orElse(false);
        if (!idsKnown) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (TrustGrant grant : trust.grants()) {
            List<String> named = GitHubTrust.positiveSubClauses(grant).stream().flatMap(c -> c.values().stream())
                    .filter(GitHubSubjectUsesImmutableIds::nameOnly).toList();
            if (!named.isEmpty()) {
                out.add(Finding.of(METADATA, trust.roleArn(), "Role " + trust.roleArn() + " matches sub " + named
                        + " by owner and repository name only, which a recycled name can reuse.")
                        .withFix(trust.pinnedCondition(grant)));
            }
        }
        return out;
    }

    private static boolean nameOnly(String value) {
        if (!value.startsWith("repo:")) {
            return false;
        }
        String rest = value.substring("repo:".length());
        int end = rest.indexOf('/');
        String owner = end < 0 ? rest : rest.substring(0, end);
        return !owner.isEmpty() && !owner.contains("@") && !SubjectScope.hasWildcard(owner);
    }
}
