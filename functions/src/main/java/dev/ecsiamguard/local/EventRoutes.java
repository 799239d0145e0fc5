package dev.ecsiamguard.local;

import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * Which functions of the template an event reaches, decided by Amazon's Event Ruler (the matching library behind
 * EventBridge's pattern syntax) over every rule of `template.yaml`. Local tools and tests only: Event Ruler is a
 * provided-scope dependency, never in a Lambda package.
 */
public final class EventRoutes {

    private final Machine machine = new Machine();
    private final Map<String, String> functionOfRule = new LinkedHashMap<>();

    private EventRoutes() {
    }

    /** Every EventBridge pattern of every function, with its intrinsic functions resolved as the stack would. */
    public static EventRoutes of(SamTemplate template) {
        EventRoutes routes = new EventRoutes();
        for (String id : template.functionIds()) {
            List<Map<String, Object>> patterns = template.eventPatterns(id);
            for (int i = 0; i < patterns.size(); i++) {
                routes.add(id + "#" + i, id, Json.write(resolveIntrinsics(template, patterns.get(i))));
            }
        }
        return routes;
    }

    private void add(String ruleName, String functionId, String patternJson) {
        try {
            machine.addRule(ruleName, patternJson);
        } catch (Exception e) {
            throw new IllegalArgumentException("event pattern of " + functionId + " is not valid: " + e.getMessage()
                    + ": " + patternJson, e);
        }
        functionOfRule.put(ruleName, functionId);
    }

    /** The functions whose rules match the event (each once, in template order); empty when none does. */
    public List<String> functionsFor(String eventJson) {
        List<String> matched;
        try {
            matched = machine.rulesForJSONEvent(eventJson);
        } catch (Exception e) {
            throw new IllegalArgumentException("event is not a JSON object: " + e.getMessage(), e);
        }
        List<String> functions = new ArrayList<>();
        functionOfRule.forEach((rule, function) -> {
            if (matched.contains(rule) && !functions.contains(function)) {
                functions.add(function);
            }
        });
        return functions;
    }

    // Only `!Sub`/`!Ref` values are resolved; booleans (`exists: false`) and numbers keep their JSON type, which
    // Event Ruler's matchers depend on.
    private static Object resolveIntrinsics(SamTemplate template, Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            String key = String.valueOf(m.keySet().iterator().next());
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return template.resolve(value);
            }
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), resolveIntrinsics(template, v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(v -> resolveIntrinsics(template, v)).toList();
        }
        return value;
    }
}
