package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import java.util.List;

/** A pure check of a GitHub deploy role's permissions (catalog 9.6). */
interface DeployRule {

    RuleMetadata metadata();

    List<Finding> check(DeployRole role);
}
