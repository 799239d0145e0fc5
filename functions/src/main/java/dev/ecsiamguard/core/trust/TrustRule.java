package dev.ecsiamguard.core.trust;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import java.util.List;

/** A pure check of one role's trust policy; reused by the GitHub checker and the task-definition validator. */
public interface TrustRule {

    RuleMetadata metadata();

    List<Finding> check(TrustedRole role);
}
