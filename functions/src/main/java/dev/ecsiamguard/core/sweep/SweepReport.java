package dev.ecsiamguard.core.sweep;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.ReportJson;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole sweep: one section per account. It passes only when every account was reached, every listed item was
 * judged, and no report fails the threshold (fail closed: what could not be judged is never a pass).
 */
public record SweepReport(String scanId, Severity threshold, List<AccountSection> sections) {

    public static final List<Severity> WORST_FIRST = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.INFORMATIONAL);

    public SweepReport {
        sections = List.copyOf(sections);
    }

    public boolean passed() {
        return sections.stream().allMatch(this::passed);
    }

    public boolean passed(AccountSection section) {
        return section.reachable() && section.outcomes().stream()
                .allMatch(o -> o.report().map(r -> r.passed(threshold)).orElse(false));
    }

    public List<ItemOutcome> outcomes() {
        return sections.stream().flatMap(s -> s.outcomes().stream()).toList();
    }

    public List<Finding> findings() {
        return outcomes().stream().flatMap(o -> o.report().stream()).flatMap(r -> r.findings().stream()).toList();
    }

    public long itemCount() {
        return outcomes().size();
    }

    public long notJudgedCount() {
        return outcomes().stream().filter(o -> !o.isJudged()).count();
    }

    public long ruleErrorCount() {
        return outcomes().stream().flatMap(o -> o.report().stream()).mapToLong(r -> r.errors().size()).sum();
    }

    public long unreachableCount() {
        return sections.stream().filter(s -> !s.reachable()).count();
    }

    public Map<String, Object> severityCounts(List<Finding> findings) {
        Map<String, Object> counts = new LinkedHashMap<>();
        WORST_FIRST.forEach(s -> counts.put(s.name(), findings.stream().filter(f -> f.severity() == s).count()));
        return counts;
    }

    /** The totals alone: the summary event's detail and the first part of every format. */
    public Map<String, Object> summary() {
        return Json.object(
                "scanId", scanId,
                "verdict", passed() ? "pass" : "fail",
                "threshold", threshold.name(),
                "accounts", sections.size(),
                "unreachableAccounts", unreachableCount(),
                "items", itemCount(),
                "judged", itemCount() - notJudgedCount(),
                "notJudged", notJudgedCount(),
                "ruleErrors", ruleErrorCount(),
                "findings", severityCounts(findings()));
    }

    /** The JSON report: the summary, then per account every judged item's report and every item not judged. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = summary();
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (AccountSection section : sections) {
            List<Map<String, Object>> results = new ArrayList<>();
            List<Map<String, Object>> errors = new ArrayList<>();
            for (ItemOutcome outcome : section.outcomes()) {
                Map<String, Object> item = Json.object("kind", outcome.item().kind().name(),
                        "ref", outcome.item().ref(), "origin", outcome.item().origin());
                if (outcome.report().isPresent()) {
                    item.put("report", ReportJson.toMap(outcome.report().get(), threshold));
                    results.add(item);
                } else {
                    item.put("error", outcome.error());
                    errors.add(item);
                }
            }
            accounts.add(Json.object("account", section.account(), "name", section.name(),
                    "reachable", section.reachable(), "reason", section.reason(),
                    "verdict", passed(section) ? "pass" : "fail", "items", section.outcomes().size(),
                    "findings", severityCounts(section.outcomes().stream().flatMap(o -> o.report().stream())
                            .flatMap(r -> r.findings().stream()).toList()),
                    "results", results, "errors", errors));
        }
        map.put("sections", accounts);
        return map;
    }
}
