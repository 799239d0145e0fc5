package dev.ecsiamguard.local;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Decides whether an event matches an EventBridge pattern from the template, for routing sample events to
 * functions locally. Covers what the template uses: nested fields, lists of exact values, and the `prefix`,
 * `suffix`, `wildcard` (`*` only) and `exists` matchers.
 */
final class EventPatterns {

    private EventPatterns() {
    }

    static boolean matches(Map<String, Object> pattern, JsonNode event) {
        if (!event.isObject()) {
            return false;
        }
        for (Map.Entry<String, Object> field : pattern.entrySet()) {
            JsonNode value = event.asObject().get(field.getKey());
            if (value == null) {
                // Only `[{"exists": false}]` matches a field the event does not have.
                if (!(field.getValue() instanceof List<?> allowed) || allowed.stream().noneMatch(a -> a
                        instanceof Map<?, ?> m && "false".equals(String.valueOf(m.get("exists"))))) {
                    return false;
                }
                continue;
            }
            if (field.getValue() instanceof Map<?, ?> nested) {
                if (!matches(SamTemplate.map(nested), value)) {
                    return false;
                }
            } else if (field.getValue() instanceof List<?> allowed) {
                String actual = value.isString() ? value.asString() : value.toString();
                if (allowed.stream().noneMatch(a -> matchesValue(a, actual))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matchesValue(Object allowed, String actual) {
        if (!(allowed instanceof Map<?, ?> matcher)) {
            return String.valueOf(allowed).equals(actual);
        }
        Object prefix = matcher.get("prefix");
        Object suffix = matcher.get("suffix");
        Object wildcard = matcher.get("wildcard");
        if (matcher.containsKey("exists")) {
            return "true".equals(String.valueOf(matcher.get("exists")));
        }
        if (prefix != null) {
            return actual.startsWith(String.valueOf(prefix));
        }
        if (suffix != null) {
            return actual.endsWith(String.valueOf(suffix));
        }
        if (wildcard != null) {
            List<String> parts = List.of(String.valueOf(wildcard).split("\\*", -1));
            String regex = String.join(".*", parts.stream().map(Pattern::quote).toList());
            return actual.matches(regex);
        }
        return false;
    }
}
