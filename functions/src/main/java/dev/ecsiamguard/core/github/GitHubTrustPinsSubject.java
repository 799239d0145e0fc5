package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** Without a `sub` condition every workflow of every GitHub repository can assume the role. */
final class GitHubTrustPinsSubject implements GitHubTrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-SUB-MISSING", Severity.CRITICAL,
            "GitHub trust conditions on the sub claim",
            "Add a StringEquals condition on token.actions.githubusercontent.com:sub naming the repository and branch"
                    + " or environment.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(GitHubTrust trust) {
        return trust.grants().stream()
                .filter(g -> g.conditionsOn(GitHubOidc.subKey(GitHubTrust.issuer(g))).isEmpty())
                .map(g -> Finding.of(METADATA, trust.roleArn(), "Role " + trust.roleArn() + " lets any GitHub "
                        + "repository assume it: " + g.source().describe() + " has no condition on "
                        + GitHubOidc.subKey(GitHubTrust.issuer(g)) + ".").withFix(trust.pinnedCondition(g)))
                .toList();
    }
}
