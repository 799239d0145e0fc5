package dev.ecsiamguard.core.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** One clause with its policy values parsed once, evaluated with IAM's rules for sets and absent keys. */
final class CompiledCondition {

    private final ConditionClause clause;
    private final ConditionOperator operator;
    private final String loweredKey;
    private final boolean documentedMultivalued;
    private final int valueCount;
    private final Glob[] strings;
    private final ArnPattern[] arns;
    private final BigDecimal[] numbers;
    private final Long[] dates;
    private final IpRange[] ranges;

    CompiledCondition(ConditionClause clause, boolean variables) {
        this.clause = clause;
        this.operator = clause.operator();
        this.loweredKey = clause.key().toLowerCase(Locale.ROOT);
        this.documentedMultivalued = PolicyVariables.documentedMultivalued(loweredKey);
        List<String> values = clause.values();
        int n = values.size();
        this.valueCount = n;
        strings = operator.family() == ConditionOperator.Family.STRING ? new Glob[n] : null;
        arns = operator.family() == ConditionOperator.Family.ARN ? new ArnPattern[n] : null;
        numbers = operator.family() == ConditionOperator.Family.NUMERIC ? new BigDecimal[n] : null;
        dates = operator.family() == ConditionOperator.Family.DATE ? new Long[n] : null;
        ranges = operator.family() == ConditionOperator.Family.IP ? new IpRange[n] : null;
        for (int i = 0; i < n; i++) {
            String value = values.get(i);
            switch (operator.family()) {
                case STRING -> strings[i] = stringGlob(value, variables);
                case ARN -> arns[i] = new ArnPattern(value, variables);
                case NUMERIC -> numbers[i] = ConditionValues.number(value);
                case DATE -> dates[i] = ConditionValues.epochMillis(value);
                case IP -> ranges[i] = IpRange.parse(value);
                default -> { }
            }
        }
    }

    private Glob stringGlob(String value, boolean variables) {
        return switch (operator) {
            case STRING_LIKE, STRING_NOT_LIKE -> Glob.like(value, variables);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> Glob.literal(value, true, variables);
            default -> Glob.literal(value, false, variables);
        };
    }

    ConditionClause clause() {
        return clause;
    }

    Tri evaluate(Request request, boolean closedWorld, KeyCollector missing) {
        List<String> present = request.values(loweredKey);
        if (present == null && !closedWorld) {
            missing.add(clause.key());
            return Tri.UNKNOWN;
        }
        if (present == null || present.isEmpty()) {
            return Tri.of(whenAbsent());
        }
        if (operator == ConditionOperator.NULL) {
            return Tri.of(nullValue("false"));
        }
        if (clause.qualifier() == SetQualifier.NONE && (documentedMultivalued || present.size() > 1)) {
            // A multivalued key needs ForAnyValue/ForAllValues; without one the clause matches nothing.
            return Tri.FALSE;
        }
        boolean every = clause.qualifier() == SetQualifier.FOR_ALL_VALUES
                || (clause.qualifier() == SetQualifier.NONE && operator.negated());
        Tri result = Tri.of(every);
        for (int v = 0; v < present.size(); v++) {
            Tri one = single(present.get(v), request, closedWorld, missing);
            result = every ? result.and(one) : result.or(one);
            if (result == Tri.of(!every)) {
                break;
            }
        }
        return result;
    }

    /** IAM's answer when the key is not in the request at all. */
    private boolean whenAbsent() {
        if (operator == ConditionOperator.NULL) {
            return nullValue("true");
        }
        if (clause.ifExists() || clause.qualifier() == SetQualifier.FOR_ALL_VALUES) {
            return true;
        }
        return clause.qualifier() == SetQualifier.NONE && operator.negated();
    }

    /** The Null operator's values compare case-insensitively, like Bool's ({@code "TRUE"} is {@code true}). */
    private boolean nullValue(String wanted) {
        return clause.values().stream().anyMatch(v -> v.equalsIgnoreCase(wanted));
    }

    /**
     * Several policy values are OR-ed; a negated operator holds when none of them matches (NOR). A value whose
     * variable cannot be resolved matches nothing, and makes a negated operator fail rather than hold.
     */
    private Tri single(String requestValue, Request request, boolean closedWorld, KeyCollector missing) {
        Tri any = Tri.FALSE;
        for (int i = 0; i < valueCount && any != Tri.TRUE; i++) {
            if (operator.negated() && unresolved(i, request, closedWorld)) {
                return Tri.FALSE;
            }
            any = any.or(matchesPositive(requestValue, i, request, closedWorld, missing));
        }
        return operator.negated() ? any.not() : any;
    }

    private boolean unresolved(int i, Request request, boolean closedWorld) {
        return switch (operator.family()) {
            case STRING -> strings[i].unresolved(request, closedWorld);
            case ARN -> arns[i].unresolved(request, closedWorld);
            default -> false;
        };
    }

    private Tri matchesPositive(String value, int i, Request request, boolean closedWorld, KeyCollector missing) {
        return switch (operator.family()) {
            case STRING -> strings[i].matches(value, request, closedWorld, missing);
            case ARN -> arns[i].matches(value, request, closedWorld, missing);
            case NUMERIC -> Tri.of(compareNumber(value, numbers[i]));
            case DATE -> Tri.of(compareDate(value, dates[i]));
            case IP -> Tri.of(ranges[i] != null && ranges[i].contains(value));
            case BOOL -> Tri.of(value.equalsIgnoreCase(clause.values().get(i)));
            case BINARY -> Tri.of(value.equals(clause.values().get(i)));
            case NULL -> Tri.FALSE;
        };
    }

    private boolean compareNumber(String value, BigDecimal policy) {
        BigDecimal actual = ConditionValues.number(value);
        return policy != null && actual != null && holds(actual.compareTo(policy));
    }

    private boolean compareDate(String value, Long policy) {
        Long actual = ConditionValues.epochMillis(value);
        return policy != null && actual != null && holds(Long.compare(actual, policy));
    }

    /** Ordering operators compare request value to policy value; equality forms ignore the negation here. */
    private boolean holds(int comparison) {
        return switch (operator) {
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> comparison < 0;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> comparison <= 0;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> comparison > 0;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> comparison >= 0;
            default -> comparison == 0;
        };
    }
}
