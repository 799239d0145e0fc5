package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** The readable output: a header saying where roles came from, findings grouped by severity worst first. */
final class TextFormatter implements RunFormatter {

    private static final List<Severity> WORST_FIRST = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.INFORMATIONAL);

    private final Colours colours;

    TextFormatter(boolean colour) {
        this.colours = new Colours(colour);
    }

    @Override
    public String render(ValidationRun run) {
        StringBuilder out = new StringBuilder();
        out.append(colours.bold(GuardCli.TOOL + " " + run.command())).append('\n')
                .append("roles: ").append(run.roles().note()).append('\n')
                .append("threshold: ").append(run.threshold().name()).append('\n');
        for (FileResult result : run.results()) {
            out.append('\n');
            if (result instanceof FileResult.Checked c) {
                checked(c, run.threshold(), out);
            } else {
                out.append(colours.bold(result.file())).append('\n').append("  ")
                        .append(colours.bad("error: ")).append(((FileResult.Failed) result).message()).append('\n');
            }
        }
        if (run.results().size() > 1) {
            out.append('\n').append(total(run)).append('\n');
        }
        return out.toString();
    }

    private void checked(FileResult.Checked c, Severity threshold, StringBuilder out) {
        Report report = c.report();
        String about = c.subject().name().equals(c.file()) ? c.subject().kind()
                : c.subject().kind() + " " + c.subject().name();
        out.append(colours.bold(c.file())).append("  (").append(about).append(")\n");
        if (!c.subject().note().isEmpty()) {
            out.append("  note: ").append(c.subject().note()).append('\n');
        }
        for (Severity severity : WORST_FIRST) {
            List<Finding> group = report.findings().stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.append("  ").append(colours.severity(severity, severity.name() + " (" + group.size() + ")"))
                    .append('\n');
            for (Finding f : group) {
                out.append("    ").append(colours.bold(f.rule().id())).append("  ").append(f.resourceArn())
                        .append('\n')
                        .append("      ").append(f.message()).append('\n')
                        .append("      fix: ").append(f.fix()).append('\n');
            }
        }
        for (RuleError e : report.errors()) {
            out.append("  ").append(colours.bad("rule error ")).append(e.ruleId()).append(": ").append(e.message())
                    .append('\n');
        }
        out.append("  ").append(summary(report, threshold)).append('\n');
    }

    private String summary(Report report, Severity threshold) {
        long over = report.findings().stream().filter(f -> f.severity().atLeast(threshold)).count();
        String counts = report.count(Severity.CRITICAL) + " critical, " + report.count(Severity.HIGH) + " high, "
                + report.count(Severity.MEDIUM) + " medium, " + report.count(Severity.LOW) + " low, "
                + report.count(Severity.INFORMATIONAL) + " info";
        String errors = report.errors().isEmpty() ? "" : ", " + report.errors().size() + " rule error(s)";
        if (report.passed(threshold)) {
            return colours.good("PASSED") + ": " + counts + "; none at or above " + threshold.name();
        }
        return colours.bad("FAILED") + ": " + counts + "; " + over + " at or above " + threshold.name() + errors;
    }

    private String total(ValidationRun run) {
        long failed = run.results().stream().filter(r -> r instanceof FileResult.Failed).count();
        long passed = run.results().stream()
                .filter(r -> r instanceof FileResult.Checked c && c.report().passed(run.threshold())).count();
        long findingsOver = run.results().size() - failed - passed;
        String noun = run.command().equals(CliOptions.VALIDATE) ? " files: " : " reports: ";
        String line = run.results().size() + noun + passed + " passed, " + findingsOver + " failed, "
                + failed + " unreadable";
        return run.passed() ? colours.good(line) : colours.bad(line);
    }
}
