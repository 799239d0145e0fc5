package dev.ecsiamguard.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Prints the local run's readable summary: per event what the function did, then the totals. */
final class DemoReport {

    private final PrintStream out;
    private int events;
    private int succeeded;
    private int rejected;
    private int unmatched;
    private int changes;
    private int replayChanges;

    DemoReport(PrintStream out) {
        this.out = out;
    }

    void unreadable(Path name, String error) {
        events++;
        unmatched++;
        out.println();
        out.println("* " + name + ": not JSON (" + error + ")");
    }

    void unmatched(Path name) {
        events++;
        unmatched++;
        out.println();
        out.println("* " + name + ": no rule of template.yaml matches it (EventBridge would not deliver it)");
    }

    void invoked(Path name, String functionId, JsonNode first, JsonNode replay) {
        events++;
        out.println();
        out.println("* " + name + " -> " + functionId);
        Map<String, JsonNode> result = first.asObject();
        String status = text(result.get("status"));
        if ("rejected".equals(status)) {
            rejected++;
            out.println("    " + status + ": " + text(result.get("error")));
            return;
        }
        succeeded++;
        List<JsonNode> applied = list(result.get("changes"));
        changes += applied.size();
        out.println("    " + status + (applied.isEmpty() ? ", nothing to change"
                : ", " + applied.size() + " change(s)"));
        JsonNode findings = result.get("report") == null ? null : result.get("report").asObject().get("findings");
        list(findings).forEach(f -> out.println("      ! " + text(f.asObject().get("ruleId")) + " "
                + text(f.asObject().get("severity")) + ": " + text(f.asObject().get("message"))));
        applied.forEach(c -> out.println("      + " + text(c)));
        list(result.get("notes")).forEach(n -> out.println("      ! " + text(n.asObject().get("message"))));
        result.forEach((key, value) -> {
            if (value.isString() && !key.equals("status") && !text(value).isEmpty()) {
                out.printf("      %-17s %s%n", key, text(value));
            }
        });
        int again = list(replay.asObject().get("changes")).size();
        replayChanges += again;
        out.println("    replayed: " + (again == 0 ? "no changes (idempotent)" : again + " change(s) - NOT idempotent"));
    }

    /** Prints the totals; true when every replay was a no-op. */
    boolean finish() {
        out.println();
        out.printf("%d event(s): %d handled, %d rejected as invalid, %d matched no rule; %d change(s) made, "
                + "%d on replay.%n", events, succeeded, rejected, unmatched, changes, replayChanges);
        return replayChanges == 0;
    }

    private static List<JsonNode> list(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : node.asArray();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.isString() ? node.asString() : node.toString();
    }
}
