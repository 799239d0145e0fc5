package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Rule;

/** A pure check of a GitHub deploy role's permissions (catalog 9.6). */
interface DeployRule extends Rule<DeployRole> {
}
