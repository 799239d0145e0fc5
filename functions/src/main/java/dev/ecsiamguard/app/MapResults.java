package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.ReportBucket;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.sweep.ItemOutcome;
import dev.ecsiamguard.core.sweep.OutcomeCodec;
import dev.ecsiamguard.core.sweep.SweepItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * What the Distributed Map's result writer left in S3: a manifest naming result files, each an array of child
 * executions. A child that succeeded points at its batch's outcomes; one whose batch step failed after its retries
 * (caught, so it carries {@code failure}) or that failed outright lists its items, which become errors.
 */
final class MapResults {

    private final ReportBucket bucket;
    private final Map<String, ItemOutcome> outcomes = new HashMap<>();

    MapResults(ReportBucket bucket) {
        this.bucket = bucket;
    }

    /** {@code map} is the Map state's output: {"MapRunArn": ..., "ResultWriterDetails": {"Bucket", "Key"}}. */
    void read(JsonNode map) {
        JsonNode details = map.isObject() ? map.asObject().get("ResultWriterDetails") : null;
        if (details == null || !details.isObject()) {
            return;
        }
        String manifestKey = details.asObject().get("Key").asString();
        JsonNode manifest = Json.parse(bucket.get(manifestKey).orElseThrow(() -> new IllegalStateException(
                "the map's manifest " + bucket.uri(manifestKey) + " is missing")));
        Map<String, JsonNode> files = manifest.asObject().get("ResultFiles").asObject();
        for (Map.Entry<String, JsonNode> group : files.entrySet()) {
            for (JsonNode file : group.getValue().asArray()) {
                String key = file.asObject().get("Key").asString();
                for (JsonNode child : Json.parse(bucket.get(key).orElse("[]")).asArray()) {
                    readChild(child.asObject());
                }
            }
        }
    }

    Optional<ItemOutcome> outcomeOf(SweepItem item) {
        return Optional.ofNullable(outcomes.get(key(item)));
    }

    private void readChild(Map<String, JsonNode> child) {
        JsonNode output = child.get("Output");
        if ("SUCCEEDED".equals(text(child, "Status")) && output != null && output.isString()) {
            Map<String, JsonNode> result = Json.parse(output.asString()).asObject();
            if (result.containsKey("resultsKey")) {
                String key = result.get("resultsKey").asString();
                bucket.get(key).map(OutcomeCodec::read).orElse(List.of())
                        .forEach(o -> outcomes.put(key(o.item()), o));
                return;
            }
            if (result.containsKey("failure") && result.containsKey("Items")) {
                failAll(result.get("Items"), "batch failed after retries: "
                        + SweepSteps.describe(result.get("failure")));
                return;
            }
        }
        JsonNode input = child.get("Input");
        if (input != null && input.isString()) {
            String why = text(child, "Error") + (text(child, "Cause").isEmpty() ? "" : ": " + text(child, "Cause"));
            failAll(Json.parse(input.asString()).asObject().get("Items"), "batch execution "
                    + text(child, "Status") + ": " + SweepSteps.bounded(why));
        }
    }

    private void failAll(JsonNode items, String error) {
        if (items == null || !items.isArray()) {
            return;
        }
        for (JsonNode i : items.asArray()) {
            SweepItem item = SweepItem.fromJson(i);
            outcomes.putIfAbsent(key(item), ItemOutcome.failed(item, error));
        }
    }

    private static String key(SweepItem item) {
        return item.account() + "|" + item.kind() + "|" + item.ref();
    }

    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode v = fields.get(name);
        return v != null && v.isString() ? v.asString() : "";
    }
}
