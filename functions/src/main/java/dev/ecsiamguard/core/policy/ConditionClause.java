package dev.ecsiamguard.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * One operator applied to one key, e.g. {@code ForAnyValue:StringLikeIfExists} on {@code aws:TagKeys}.
 * Values are kept as strings exactly as written (JSON numbers and booleans included), so rules can quote them.
 */
public record ConditionClause(
        ConditionOperator operator, boolean ifExists, SetQualifier qualifier, String key, List<String> values) {

    public ConditionClause {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
    }

    /** A plain clause without IfExists or set qualifier; handy in tests and rules. */
    public static ConditionClause of(ConditionOperator operator, String key, String... values) {
        return new ConditionClause(operator, false, SetQualifier.NONE, key, List.of(values));
    }

    /** The full operator as it appears in JSON, e.g. {@code ForAllValues:StringEqualsIfExists}. */
    public String operatorText() {
        return qualifier.prefix() + operator.iamName() + (ifExists ? "IfExists" : "");
    }

    /** Condition key names are case-insensitive in IAM. */
    public boolean isOn(String otherKey) {
        return key.equalsIgnoreCase(otherKey);
    }

    /** True when a value uses {@code *} or {@code ?} under an operator that takes them literally. */
    public boolean hasWildcardWithoutLikeOperator() {
        boolean literal = operator == ConditionOperator.STRING_EQUALS || operator == ConditionOperator.STRING_NOT_EQUALS
                || operator == ConditionOperator.STRING_EQUALS_IGNORE_CASE
                || operator == ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE;
        return literal && values.stream().anyMatch(v -> v.indexOf('*') >= 0 || v.indexOf('?') >= 0);
    }
}
