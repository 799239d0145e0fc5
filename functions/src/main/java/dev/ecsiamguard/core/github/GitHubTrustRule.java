package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import java.util.List;

/** A pure check of the GitHub grants in one role's trust policy (catalog 9.5). */
interface GitHubTrustRule {

    RuleMetadata metadata();

    List<Finding> check(GitHubTrust trust);
}
