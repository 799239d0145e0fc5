package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.ArrayList;
import java.util.List;

/** A customised `sub` that starts with a claim the workflow author controls can be presented from any repository. */
final class GitHubSubjectStartsWithRepository implements GitHubTrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-SUB-ABUSABLE-PREFIX", Severity.HIGH,
            "GitHub sub starts with the repository",
            "Keep `repo:` first in the organisation's sub template and pin the repository in the trust policy.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(GitHubTrust trust) {
        List<Finding> out = new ArrayList<>();
        for (TrustGrant grant : trust.grants()) {
            List<String> abusable = GitHubTrust.positiveSubClauses(grant).stream()
                    .flatMap(c -> c.values().stream()).filter(SubjectScope::startsWithUserClaim).toList();
            if (!abusable.isEmpty()) {
                out.add(Finding.of(METADATA, trust.roleArn(), "Role " + trust.roleArn() + " matches sub " + abusable
                        + ", which starts with a claim any repository's workflow can set.")
                        .withFix(trust.pinnedCondition(grant)));
            }
        }
        return out;
    }
}
