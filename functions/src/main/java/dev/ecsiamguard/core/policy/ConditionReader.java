package dev.ecsiamguard.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Reads a Condition block into clauses; an operator IAM does not know makes the whole policy invalid. */
final class ConditionReader {

    private static final String IF_EXISTS = "IfExists";

    private final String where;

    ConditionReader(String where) {
        this.where = where;
    }

    List<ConditionClause> read(JsonNode block) {
        if (!block.isObject()) {
            throw new PolicyParseException(where, "expected an object of operator to key to values");
        }
        List<ConditionClause> clauses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operatorEntry : block.asObject().entrySet()) {
            String operatorText = operatorEntry.getKey();
            String location = where + " `" + operatorText + "`";
            JsonNode keys = operatorEntry.getValue();
            if (!keys.isObject() || keys.asObject().isEmpty()) {
                throw new PolicyParseException(location, "expected a non-empty object of condition key to values");
            }
            for (Map.Entry<String, JsonNode> keyEntry : keys.asObject().entrySet()) {
                List<String> values = JsonText.scalarOrList(keyEntry.getValue(), location + " `" + keyEntry.getKey()
                        + "`");
                clauses.add(clause(operatorText, location, keyEntry.getKey(), values));
            }
        }
        return clauses;
    }

    private static ConditionClause clause(String text, String location, String key, List<String> values) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = text;
        if (rest.startsWith(SetQualifier.FOR_ANY_VALUE.prefix())) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
        } else if (rest.startsWith(SetQualifier.FOR_ALL_VALUES.prefix())) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
        }
        rest = rest.substring(qualifier.prefix().length());
        boolean ifExists = rest.endsWith(IF_EXISTS) && rest.length() > IF_EXISTS.length();
        String base = ifExists ? rest.substring(0, rest.length() - IF_EXISTS.length()) : rest;
        ConditionOperator operator = ConditionOperator.fromIamName(base).orElseThrow(
                () -> new PolicyParseException(location, "unknown condition operator `" + text + "`"));
        if (operator == ConditionOperator.NULL && (ifExists || qualifier != SetQualifier.NONE)) {
            throw new PolicyParseException(location, "`Null` takes no IfExists suffix or set qualifier");
        }
        if (operator == ConditionOperator.NULL && !values.stream().allMatch(v -> v.equalsIgnoreCase("true")
                || v.equalsIgnoreCase("false"))) {
            throw new PolicyParseException(location, "`Null` expects `true` or `false`");
        }
        return new ConditionClause(operator, ifExists, qualifier, key, values);
    }
}
