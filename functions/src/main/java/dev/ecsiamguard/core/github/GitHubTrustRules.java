package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import java.util.List;

/** The GitHub trust rules (catalog 9.5), listed explicitly; a failing rule becomes an error, never a crash. */
public final class GitHubTrustRules {

    static final List<GitHubTrustRule> ALL = List.of(new GitHubTrustPinsSubject(), new GitHubTrustChecksAudience(),
            new GitHubSubjectNotWildcarded(), new GitHubSubjectStartsWithRepository(),
            new GitHubConditionsUseLikeForWildcards(), new GitHubConditionsAvoidForAllValues(),
            new GitHubProductionTrustPinned(), new GitHubSubjectUsesImmutableIds());

    private GitHubTrustRules() {
    }

    public static void run(GitHubTrust trust, List<Finding> findings, List<RuleError> errors) {
        for (GitHubTrustRule rule : ALL) {
            try {
                findings.addAll(rule.check(trust));
            } catch (RuntimeException e) {
                errors.add(new RuleError(rule.metadata().id(), trust.roleArn(), String.valueOf(e.getMessage())));
            }
        }
    }
}
