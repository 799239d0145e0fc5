package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Rule;

/** A pure check of the GitHub grants in one role's trust policy (catalog 9.5). */
interface GitHubTrustRule extends Rule<GitHubTrust> {
}
