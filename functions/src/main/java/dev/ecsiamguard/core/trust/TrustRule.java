package dev.ecsiamguard.core.trust;

import dev.ecsiamguard.core.Rule;

/** A pure check of one role's trust policy; reused by the GitHub checker and the task-definition validator. */
public interface TrustRule extends Rule<TrustedRole> {
}
