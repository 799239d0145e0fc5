package dev.ecsiamguard.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON shape of a report, shared by the published events, the log line, the API and the command line,
 * so findings are comparable wherever they surface.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static Map<String, Object> toMap(Report report, Severity threshold) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("subject", report.subject());
        map.put("passed", report.passed(threshold));
        map.put("threshold", threshold.name());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW,
                Severity.INFORMATIONAL)) {
            summary.put(s.name(), report.count(s));
        }
        map.put("summary", summary);
        map.put("findings", report.findings().stream().map(ReportJson::finding).toList());
        map.put("errors", report.errors().stream().map(e -> Map.of("ruleId", e.ruleId(), "resourceArn",
                e.resourceArn(), "message", e.message())).toList());
        return map;
    }

    /** As {@link #toMap}, with the API's one-word {@code verdict}: {@code pass} only when the report passed. */
    public static Map<String, Object> withVerdict(Report report, Severity threshold) {
        Map<String, Object> map = toMap(report, threshold);
        map.put("verdict", report.passed(threshold) ? "pass" : "fail");
        return map;
    }

    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ruleId", f.rule().id());
        map.put("severity", f.severity().name());
        map.put("title", f.rule().title());
        map.put("resourceArn", f.resourceArn());
        map.put("message", f.message());
        map.put("fix", f.fix());
        return map;
    }
}
