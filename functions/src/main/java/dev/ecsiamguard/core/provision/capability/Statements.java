package dev.ecsiamguard.core.provision.capability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds IAM statements as ordered maps, one or many values written the way IAM prints them. */
final class Statements {

    private Statements() {
    }

    static Map<String, Object> allow(String sid, List<String> actions, List<String> resources) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", oneOrMany(actions));
        statement.put("Resource", oneOrMany(resources));
        return statement;
    }

    /** Adds {@code operator: {key: values}} to the statement's conditions. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> when(Map<String, Object> statement, String operator, String key, List<String> values) {
        Map<String, Object> conditions = (Map<String, Object>) statement.computeIfAbsent("Condition",
                k -> new LinkedHashMap<String, Object>());
        Map<String, Object> clause = (Map<String, Object>) conditions.computeIfAbsent(operator,
                k -> new LinkedHashMap<String, Object>());
        clause.put(key, oneOrMany(values));
        return statement;
    }

    private static Object oneOrMany(List<String> values) {
        return values.size() == 1 ? values.get(0) : List.copyOf(values);
    }
}
