package dev.ecsiamguard.local;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Decides whether an event matches an EventBridge pattern from the template, for routing sample events to
 * functions locally. Covers what the template uses: nested fields and lists of exact values.
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
                return false;
            }
            if (field.getValue() instanceof Map<?, ?> nested) {
                if (!matches(SamTemplate.map(nested), value)) {
                    return false;
                }
            } else if (field.getValue() instanceof List<?> allowed) {
                String actual = value.isString() ? value.asString() : value.toString();
                if (allowed.stream().noneMatch(a -> String.valueOf(a).equals(actual))) {
                    return false;
                }
            }
        }
        return true;
    }
}
