package dev.ecsiamguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final RuleMetadata LOW_RULE = rule("ECS-002", Severity.LOW);
    private static final RuleMetadata HIGH_RULE = rule("ECS-001", Severity.HIGH);
    private static final RuleMetadata CRITICAL_RULE = rule("ECS-003", Severity.CRITICAL);

    @Test
    void new_always_sortsWorstFirstThenByRuleIdThenResource() {
        Finding low = Finding.of(LOW_RULE, "arn:a", "low");
        Finding highB = Finding.of(HIGH_RULE, "arn:b", "high b");
        Finding highA = Finding.of(HIGH_RULE, "arn:a", "high a");
        Finding critical = Finding.of(CRITICAL_RULE, "arn:z", "critical");
        Finding mediumByOverride = Finding.of(CRITICAL_RULE, "arn:c", "downgraded").withSeverity(Severity.MEDIUM);

        Report report = new Report("subject", List.of(low, highB, mediumByOverride, critical, highA), List.of());

        assertThat(report.findings()).containsExactly(critical, highA, highB, mediumByOverride, low);
        assertThat(report.worst()).contains(Severity.CRITICAL);
        assertThat(report.count(Severity.HIGH)).isEqualTo(2);
    }

    @Test
    void passed_whenNoFindingReachesThreshold_isTrue() {
        Report report = new Report("subject", List.of(Finding.of(LOW_RULE, "arn:a", "low")), List.of());

        assertThat(report.passed(Severity.MEDIUM)).isTrue();
        assertThat(report.passed(Severity.LOW)).isFalse();
    }

    @Test
    void passed_whenARuleFailedToRun_isFalse() {
        Report report = new Report("subject", List.of(), List.of(new RuleError("ECS-001", "arn:a", "boom")));

        assertThat(report.passed(Severity.CRITICAL)).isFalse();
        assertThat(report.worst()).isEmpty();
    }

    @Test
    void finding_whenFixBlank_fallsBackToRemediation() {
        Finding finding = Finding.of(HIGH_RULE, "arn:a", "message");

        assertThat(finding.fix()).isEqualTo("Remediate ECS-001");
        assertThat(finding.withFix("exact fix").fix()).isEqualTo("exact fix");
    }

    private static RuleMetadata rule(String id, Severity severity) {
        return new RuleMetadata(id, severity, "Rule " + id, "Remediate " + id);
    }
}
