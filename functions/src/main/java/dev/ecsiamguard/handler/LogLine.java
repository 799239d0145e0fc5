package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ecsiamguard.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes one JSON line per invocation to the function's log, so CloudWatch Logs Insights can query it. */
final class LogLine {

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
        String text = Json.write(line);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(text + "\n");
        } else {
            System.out.println(text);
        }
    }
}
