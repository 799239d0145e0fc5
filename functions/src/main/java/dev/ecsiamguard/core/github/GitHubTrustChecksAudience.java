package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.ConditionClause;
import dev.ecsiamguard.core.policy.SetQualifier;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.ArrayList;
import java.util.List;

/** The `aud` condition makes sure the token was minted for AWS STS and not replayed from another audience. */
final class GitHubTrustChecksAudience implements GitHubTrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-AUD-MISSING", Severity.MEDIUM,
            "GitHub trust requires the STS audience",
            "Add StringEquals token.actions.githubusercontent.com:aud = sts.amazonaws.com (sts.amazonaws.com.cn in"
                    + " China).");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(GitHubTrust trust) {
        List<Finding> out = new ArrayList<>();
        String audience = GitHubOidc.audience(trust.role().partition());
        for (TrustGrant grant : trust.grants()) {
            List<ConditionClause> clauses = grant.conditionsOn(GitHubOidc.audKey(GitHubTrust.issuer(grant)));
            boolean pinned = clauses.stream().anyMatch(c -> !c.operator().negated()
                    && c.qualifier() != SetQualifier.FOR_ALL_VALUES && c.values().stream().allMatch(audience::equals));
            if (!pinned) {
                String what = clauses.isEmpty() ? "has no condition on the aud claim"
                        : "does not require aud to be exactly " + audience;
                out.add(Finding.of(METADATA, trust.roleArn(), "Role " + trust.roleArn() + " trusts GitHub but "
                        + grant.source().describe() + " " + what + ".").withFix(trust.pinnedCondition(grant)));
            }
        }
        return out;
    }
}
