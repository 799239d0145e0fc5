package dev.ecsiamguard.core.policy;

import java.util.List;
import java.util.Set;

/**
 * A decision that explains itself. {@code decision} counts only the statements known to apply: EXPLICIT_DENY when
 * a Deny certainly applies, ALLOW when an Allow certainly applies (and the boundary allows), IMPLICIT_DENY
 * otherwise. When {@code missingContextKeys} is not empty the answer could change once those keys are known, so
 * callers must not report it as a plain allow or deny.
 */
public record EvaluationResult(Decision decision, List<StatementRef> allowedBy, List<StatementRef> deniedBy,
                               Set<String> missingContextKeys) {

    public EvaluationResult {
        allowedBy = List.copyOf(allowedBy);
        deniedBy = List.copyOf(deniedBy);
        missingContextKeys = Set.copyOf(missingContextKeys);
    }

    /** True when no unsupplied context key could change the outcome. */
    public boolean isConclusive() {
        return missingContextKeys.isEmpty();
    }

    /** Allowed whatever the missing keys turn out to be. */
    public boolean isAllowed() {
        return decision == Decision.ALLOW && isConclusive();
    }

    /** Not allowed whatever the missing keys turn out to be. */
    public boolean isDenied() {
        return decision != Decision.ALLOW && isConclusive();
    }

    /** Short text for findings, e.g. {@code ALLOW by policy `x` statement 1}. */
    public String explain() {
        List<StatementRef> cause = decision == Decision.ALLOW ? allowedBy : deniedBy;
        StringBuilder text = new StringBuilder(decision.name());
        if (!cause.isEmpty()) {
            text.append(" by ").append(String.join(", ", cause.stream().map(StatementRef::describe).toList()));
        }
        if (!isConclusive()) {
            text.append("; depends on missing context keys ").append(missingContextKeys);
        }
        return text.toString();
    }
}
