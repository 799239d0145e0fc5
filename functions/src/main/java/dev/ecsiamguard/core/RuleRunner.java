package dev.ecsiamguard.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs rules of any family over one subject and never fails as a whole: a rule that throws (or answers
 * {@code null}) becomes a {@link RuleError} under its own id, so the report cannot pass. The only rule runner.
 */
public final class RuleRunner {

    private RuleRunner() {
    }

    /** Runs every rule on the subject; {@code resourceArn} names the subject in errors. */
    public static <S> Report run(List<? extends Rule<? super S>> rules, S subject, String resourceArn) {
        List<Finding> findings = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        run(rules, subject, resourceArn, findings, errors);
        return new Report(resourceArn, findings, errors);
    }

    /** As {@link #run(List, Object, String)}, adding to lists the caller merges with other families. */
    public static <S> void run(List<? extends Rule<? super S>> rules, S subject, String resourceArn,
                               List<Finding> findings, List<RuleError> errors) {
        for (Rule<? super S> rule : rules) {
            try {
                List<Finding> found = Objects.requireNonNull(rule.check(subject), "rule answered null");
                findings.addAll(found);
            } catch (RuntimeException e) {
                errors.add(error(rule.metadata(), resourceArn, e));
            }
        }
    }

    /** The error entry for a rule that threw; one wording on every surface. */
    public static RuleError error(RuleMetadata rule, String resourceArn, Throwable failure) {
        // INVARIANT: rules never put secret values into exception messages, so the message may be kept.
        String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        return new RuleError(rule.id(), resourceArn, "rule " + rule.id() + " could not run: "
                + failure.getClass().getSimpleName() + detail);
    }
}
