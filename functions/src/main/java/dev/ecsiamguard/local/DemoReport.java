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

    void unmatched(Path name, boolean apiRequest) {
        events++;
        unmatched++;
        out.println();
        out.println("* " + name + (apiRequest ? ": no route of template.yaml matches it (API Gateway would answer"
                + " 403 before any function)" : ": no rule of template.yaml matches it (EventBridge would not"
                + " deliver it)"));
    }

    /** An API request: the status and code or verdict, and for provisioning what changed, then on replay. */
    void answered(Path name, String functionId, JsonNode first, JsonNode replay) {
        events++;
        out.println();
        out.println("* " + name + " -> " + functionId);
        int status = Integer.parseInt(text(first.asObject().get("statusCode")));
        JsonNode body = JsonNode.parser().parse(text(first.asObject().get("body")));
        Map<String, JsonNode> fields = body.isObject() ? body.asObject() : Map.of();
        if (status >= 400) {
            rejected++;
            Map<String, JsonNode> error = fields.get("error").asObject();
            out.println("    " + status + " " + text(error.get("code")) + ": " + text(error.get("message")));
            return;
        }
        succeeded++;
        List<JsonNode> applied = list(fields.get("changes"));
        changes += applied.size();
        JsonNode report = fields.containsKey("report") ? fields.get("report") : body;
        JsonNode verdict = report.isObject() ? report.asObject().get("verdict") : null;
        String head = "    " + status + (verdict != null ? " verdict " + text(verdict) : "");
        out.println(head
                + (fields.containsKey("changes") ? ", " + applied.size() + " change(s)" : ""));
        applied.forEach(c -> out.println("      + " + text(c)));
        list(report.isObject() ? report.asObject().get("findings") : null).forEach(f -> out.println("      ! "
                + text(f.asObject().get("ruleId")) + " " + text(f.asObject().get("message"))));
        JsonNode again = JsonNode.parser().parse(text(replay.asObject().get("body")));
        int replayed = again.isObject() ? list(again.asObject().get("changes")).size() : 0;
        replayChanges += replayed;
        if (fields.containsKey("changes")) {
            out.println("    replayed: " + (replayed == 0 ? "no changes (idempotent)"
                    : replayed + " change(s) - NOT idempotent"));
        }
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
        applied.forEach(c -> out.println("      + " + text(c)));
        list(result.get("notes")).forEach(n -> out.println("      ! " + text(n.asObject().get("message"))));
        list(result.get("actions")).forEach(a -> out.println("      * " + text(a)));
        JsonNode report = result.get("report");
        if (report != null && report.isObject()) {
            Map<String, JsonNode> r = report.asObject();
            out.println("      " + ("true".equals(text(r.get("passed"))) ? "passed" : "FAILED") + " at threshold "
                    + text(r.get("threshold")) + ", " + list(r.get("findings")).size() + " finding(s)");
            list(r.get("findings")).forEach(f -> out.println("      - " + text(f.asObject().get("severity")) + " "
                    + text(f.asObject().get("ruleId")) + ": " + text(f.asObject().get("message"))));
        }
        result.forEach((key, value) -> {
            if (value.isString() && !key.equals("status") && !text(value).isEmpty()) {
                out.printf("      %-17s %s%n", key, text(value));
            }
        });
        int again = list(replay.asObject().get("changes")).size();
        replayChanges += again;
        out.println("    replayed: "
                + (again == 0 ? "no changes (idempotent)" : again + " change(s) - NOT idempotent"));
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
