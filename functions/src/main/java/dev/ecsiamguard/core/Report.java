package dev.ecsiamguard.core;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The outcome of checking one subject: findings, sorted worst first, and rules that could not run. */
public record Report(String subject, List<Finding> findings, List<RuleError> errors) {

    public Report {
        findings = findings.stream()
                .sorted(Comparator.comparing(Finding::severity).reversed()
                        .thenComparing(f -> f.rule().id())
                        .thenComparing(Finding::resourceArn))
                .toList();
        errors = List.copyOf(errors);
    }

    /** True when no finding reaches the threshold and no rule failed to run. */
    public boolean passed(Severity threshold) {
        return errors.isEmpty() && findings.stream().noneMatch(f -> f.severity().atLeast(threshold));
    }

    public Optional<Severity> worst() {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder());
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
