package dev.ecsiamguard.core;

import java.util.List;

/**
 * The one shape of every rule of every family: its catalogue metadata, and a pure check of one subject. Each
 * family names its subject type (a task definition with its context, a trusted role, a deploy role, ...);
 * {@link RuleRunner} runs any of them the same way, so a rule that throws is reported, never dropped.
 *
 * @param <S> what the rule judges
 */
public interface Rule<S> {

    RuleMetadata metadata();

    /** The findings for this subject, empty when it passes; never {@code null}. */
    List<Finding> check(S subject);
}
