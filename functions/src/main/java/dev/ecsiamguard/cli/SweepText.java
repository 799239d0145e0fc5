package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.sweep.AccountSection;
import dev.ecsiamguard.core.sweep.ItemOutcome;
import dev.ecsiamguard.core.sweep.SweepReport;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A sweep for people: the verdict and totals, then per account its findings worst first and what was not judged. */
final class SweepText {

    private SweepText() {
    }

    static String render(SweepReport report) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> s = report.summary();
        out.append(GuardCli.TOOL).append(" sweep ").append(report.scanId()).append(": ")
                .append(report.passed() ? "PASS" : "FAIL").append(" (threshold ").append(report.threshold())
                .append(")\n");
        out.append("  ").append(s.get("accounts")).append(" account(s), ").append(s.get("items")).append(" item(s): ")
                .append(s.get("judged")).append(" judged, ").append(s.get("notJudged")).append(" not judged, ")
                .append(s.get("ruleErrors")).append(" rule error(s); findings ").append(counts(report.findings()))
                .append("\n");
        for (AccountSection section : report.sections()) {
            out.append("\n== account ").append(section.account())
                    .append(section.name().isEmpty() ? "" : " (" + section.name() + ")");
            if (!section.reachable()) {
                out.append(": NOT SWEPT: ").append(section.reason()).append("\n");
                continue;
            }
            out.append(": ").append(report.passed(section) ? "pass" : "fail").append(", ")
                    .append(section.outcomes().size()).append(" item(s)\n");
            List<Finding> findings = section.outcomes().stream().flatMap(o -> o.report().stream())
                    .flatMap(r -> r.findings().stream())
                    .sorted(Comparator.comparing(Finding::severity).reversed()
                            .thenComparing(f -> f.rule().id()).thenComparing(Finding::resourceArn)).toList();
            for (Finding f : findings) {
                out.append(String.format("  %-13s %-26s %s%n", f.severity(), f.rule().id(), f.message()));
                out.append(String.format("  %-13s %-26s fix: %s%n", "", "", f.fix()));
            }
            for (ItemOutcome o : section.outcomes()) {
                if (o.report().isEmpty()) {
                    out.append("  NOT JUDGED    ").append(o.item().ref()).append(": ").append(o.error()).append('\n');
                } else {
                    o.report().get().errors().forEach(e -> out.append("  RULE ERROR    ").append(e.ruleId())
                            .append(" on ").append(e.resourceArn()).append(": ").append(e.message()).append('\n'));
                }
            }
        }
        return out.toString();
    }

    private static String counts(List<Finding> findings) {
        StringBuilder b = new StringBuilder();
        for (Severity severity : SweepReport.WORST_FIRST) {
            long n = findings.stream().filter(f -> f.severity() == severity).count();
            b.append(b.length() == 0 ? "" : ", ").append(severity.name().toLowerCase(java.util.Locale.ROOT))
                    .append(' ').append(n);
        }
        return b.toString();
    }
}
