package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.policy.ConditionClause;
import dev.ecsiamguard.core.policy.TrustGrant;
import dev.ecsiamguard.core.trust.TrustedRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A role's GitHub grants with what is expected of them: the configured deployment when the role is one of ours,
 * and whether it deploys to production (from the configuration or the role's `Environment` tag).
 */
public record GitHubTrust(TrustedRole role, List<TrustGrant> grants, Optional<GitHubDeployment> expected,
                          boolean production) {

    public GitHubTrust {
        grants = List.copyOf(grants);
    }

    public static GitHubTrust of(TrustedRole role, Optional<GitHubDeployment> expected, boolean production) {
        return new GitHubTrust(role, role.grants().stream().filter(GitHubOidc::isGitHubGrant).toList(), expected,
                production || expected.map(GitHubDeployment::production).orElse(false));
    }

    public boolean trustsGitHub() {
        return !grants.isEmpty();
    }

    public String roleArn() {
        return role.roleArn();
    }

    public static String issuer(TrustGrant grant) {
        return GitHubOidc.issuerOf(grant.principal()).orElse(GitHubOidc.HOST);
    }

    /** Clauses on the grant's `sub` key whose operator admits matching values (not negated). */
    public static List<ConditionClause> positiveSubClauses(TrustGrant grant) {
        return grant.conditionsOn(GitHubOidc.subKey(issuer(grant))).stream()
                .filter(c -> !c.operator().negated()).toList();
    }

    /** The condition block to use instead, with the configured subjects or a documented example. */
    public String pinnedCondition(TrustGrant grant) {
        String issuer = issuer(grant);
        List<String> subjects = expected.map(GitHubDeployment::subjects)
                .orElse(List.of("repo:ORG@ORG_ID/REPO@REPO_ID:environment:production"));
        Object sub = subjects.size() == 1 ? subjects.get(0) : subjects;
        return "\"Condition\": " + Json.write(Map.of("StringEquals", Json.object(GitHubOidc.audKey(issuer),
                GitHubOidc.audience(role.partition()), GitHubOidc.subKey(issuer), sub)));
    }
}
