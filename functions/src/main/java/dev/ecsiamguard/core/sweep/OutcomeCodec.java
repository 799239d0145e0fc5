package dev.ecsiamguard.core.sweep;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Outcomes as JSON and back, losslessly (rule metadata included), so a batch step can hand its results to the
 * report step through S3 and the report is the one the local runner would have built.
 */
public final class OutcomeCodec {

    private OutcomeCodec() {
    }

    public static String write(List<ItemOutcome> outcomes) {
        return Json.write(outcomes.stream().map(OutcomeCodec::toMap).toList());
    }

    public static List<ItemOutcome> read(String json) {
        JsonNode root = Json.parse(json);
        if (!root.isArray()) {
            throw new IllegalArgumentException("batch results must be a JSON array");
        }
        return root.asArray().stream().map(OutcomeCodec::fromJson).toList();
    }

    static Map<String, Object> toMap(ItemOutcome outcome) {
        Map<String, Object> map = outcome.item().toMap();
        outcome.report().ifPresentOrElse(r -> map.put("report", Json.object(
                "subject", r.subject(),
                "findings", r.findings().stream().map(OutcomeCodec::finding).toList(),
                "errors", r.errors().stream().map(e -> Json.object("ruleId", e.ruleId(),
                        "resourceArn", e.resourceArn(), "message", e.message())).toList())),
                () -> map.put("error", outcome.error()));
        return map;
    }

    private static Map<String, Object> finding(Finding f) {
        RuleMetadata rule = f.rule();
        return Json.object("rule", Json.object("id", rule.id(), "severity", rule.severity().name(),
                        "title", rule.title(), "remediation", rule.remediation()),
                "severity", f.severity().name(), "resourceArn", f.resourceArn(), "message", f.message(),
                "fix", f.fix());
    }

    static ItemOutcome fromJson(JsonNode node) {
        SweepItem item = SweepItem.fromJson(node);
        Map<String, JsonNode> fields = node.asObject();
        JsonNode report = fields.get("report");
        if (report == null || !report.isObject()) {
            JsonNode error = fields.get("error");
            return ItemOutcome.failed(item, error != null && error.isString() ? error.asString()
                    : "no report and no error recorded");
        }
        Map<String, JsonNode> r = report.asObject();
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : r.get("findings").asArray()) {
            Map<String, JsonNode> ff = f.asObject();
            Map<String, JsonNode> rule = ff.get("rule").asObject();
            RuleMetadata metadata = new RuleMetadata(s(rule, "id"), Severity.parse(s(rule, "severity")),
                    s(rule, "title"), s(rule, "remediation"));
            findings.add(new Finding(metadata, Severity.parse(s(ff, "severity")), s(ff, "resourceArn"),
                    s(ff, "message"), s(ff, "fix")));
        }
        List<RuleError> errors = new ArrayList<>();
        for (JsonNode e : r.get("errors").asArray()) {
            Map<String, JsonNode> ee = e.asObject();
            errors.add(new RuleError(s(ee, "ruleId"), s(ee, "resourceArn"), s(ee, "message")));
        }
        return ItemOutcome.judged(item, new Report(s(r, "subject"), findings, errors));
    }

    private static String s(Map<String, JsonNode> fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("batch results: missing string `" + name + "`");
        }
        return value.asString();
    }
}
