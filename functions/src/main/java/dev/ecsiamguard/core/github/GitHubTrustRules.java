package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.RuleRunner;
import java.util.List;

/** The GitHub trust rules (catalog 9.5), listed explicitly; a failing rule becomes an error, never a crash. */
public final class GitHubTrustRules {

    public static final List<Rule<GitHubTrust>> ALL = List.of(new GitHubTrustPinsSubject(),
            new GitHubTrustChecksAudience(),
            new GitHubSubjectNotWildcarded(), new GitHubSubjectStartsWithRepository(),
            new GitHubConditionsUseLikeForWildcards(), new GitHubConditionsAvoidForAllValues(),
            new GitHubProductionTrustPinned(), new GitHubSubjectUsesImmutableIds());

    private GitHubTrustRules() {
    }

    /** Runs every GitHub trust rule, adding what they find and every rule that could not run. */
    public static void run(GitHubTrust trust, List<Finding> findings, List<RuleError> errors) {
        RuleRunner.run(ALL, trust, trust.roleArn(), findings, errors);
    }
}
