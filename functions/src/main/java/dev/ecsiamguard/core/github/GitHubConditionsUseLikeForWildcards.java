package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.ConditionClause;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.ArrayList;
import java.util.List;

/** `*` under StringEquals is a literal star: the condition never matches and the deploy silently breaks. */
final class GitHubConditionsUseLikeForWildcards implements GitHubTrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-WILDCARD-IN-STRINGEQUALS", Severity.LOW,
            "GitHub conditions use wildcards only with StringLike",
            "Write the exact subject under StringEquals, or move a deliberate pattern to StringLike.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(GitHubTrust trust) {
        List<Finding> out = new ArrayList<>();
        for (TrustGrant grant : trust.grants()) {
            String issuer = GitHubTrust.issuer(grant);
            for (ConditionClause clause : grant.conditions()) {
                boolean github = clause.isOn(GitHubOidc.subKey(issuer)) || clause.isOn(GitHubOidc.audKey(issuer));
                if (github && clause.hasWildcardWithoutLikeOperator()) {
                    out.add(Finding.of(METADATA, trust.roleArn(), "Role " + trust.roleArn() + " compares "
                            + clause.key() + " with " + clause.operatorText() + " " + clause.values()
                            + ", which takes `*` literally, so no GitHub token matches it."));
                }
            }
        }
        return out;
    }
}
