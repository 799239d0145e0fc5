package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ecsiamguard.core.Bounded;
import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one JSON line per invocation to the function's log, so CloudWatch Logs Insights can query it. Every
 * string in it is bounded, and the line as a whole never exceeds {@link #CEILING} characters: the largest fields
 * are replaced by a marker until it fits.
 */
final class LogLine {

    /** Hard ceiling of one log line, in characters. */
    static final int CEILING = 32_768;
    private static final List<String> KEPT = List.of("level", "function", "requestId", "status");

    private LogLine() {
    }

    static void write(Context context, String level, String function, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("function", function);
        if (context != null && context.getAwsRequestId() != null) {
            line.put("requestId", context.getAwsRequestId());
        }
        line.putAll(fields);
        String text = render(line);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(text + "\n");
        } else {
            System.out.println(text);
        }
    }

    /** The line as JSON, within the ceiling. */
    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> fields) {
        Map<String, Object> line = (Map<String, Object>) Bounded.deep(fields, Bounded.LOG_VALUE);
        String text = Json.write(line);
        if (text.length() <= CEILING) {
            return text;
        }
        List<String> largestFirst = new ArrayList<>(line.keySet());
        largestFirst.removeAll(KEPT);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        largestFirst.forEach(k -> sizes.put(k, Json.write(line.get(k)).length()));
        largestFirst.sort(Comparator.comparing(sizes::get).reversed());
        for (String key : largestFirst) {
            line.put(key, "[omitted: " + sizes.get(key) + " characters over the log line ceiling]");
            line.put("truncated", true);
            text = Json.write(line);
            if (text.length() <= CEILING) {
                return text;
            }
        }
        return text;
    }
}
