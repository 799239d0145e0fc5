package dev.ecsiamguard.app;

import dev.ecsiamguard.core.Bounded;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one validation did: the revision, whether it passed, the report in its one JSON shape, and the enforcement
 * actions taken. {@code rejected} means invalid input; {@code gone} means ECS no longer knows the revision.
 */
public record ValidationResult(String status, String taskDefinitionArn, String mode, Boolean passed,
                               Map<String, Object> report, List<String> actions, String error) {

    public static ValidationResult rejected(String reference, String error) {
        return new ValidationResult("rejected", Bounded.value(reference), "", null, Map.of(), List.of(),
                Bounded.message(error));
    }

    public static ValidationResult gone(String reference, String mode) {
        return new ValidationResult("gone", reference, mode, null, Map.of(), List.of(),
                "ECS does not know this task definition (any more): nothing validated");
    }

    /** A plain map: the handler's return value and the log line. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", status);
        map.put("taskDefinitionArn", taskDefinitionArn);
        if (!error.isEmpty()) {
            map.put("error", error);
        }
        if ("ok".equals(status)) {
            map.put("mode", mode);
            map.put("passed", passed);
            map.put("actions", actions);
            map.put("report", report);
        }
        return map;
    }
}
