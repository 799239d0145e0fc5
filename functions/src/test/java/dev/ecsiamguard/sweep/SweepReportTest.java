package dev.ecsiamguard.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.sweep.AccountSection;
import dev.ecsiamguard.core.sweep.ItemKind;
import dev.ecsiamguard.core.sweep.ItemOutcome;
import dev.ecsiamguard.core.sweep.OutcomeCodec;
import dev.ecsiamguard.core.sweep.SweepItem;
import dev.ecsiamguard.core.sweep.SweepReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sweep report fails closed, and outcomes survive the trip through S3 unchanged. */
class SweepReportTest {

    private static final RuleMetadata LOW_RULE = new RuleMetadata("CLUSTER-INSIGHTS", Severity.LOW, "t", "r");
    private static final SweepItem CLUSTER = new SweepItem(ItemKind.CLUSTER,
            "arn:aws:ecs:us-east-1:123456789012:cluster/a", "123456789012", "cluster");

    @Test
    void verdict_passesOnlyWhenEverythingWasReachedAndJudgedBelowTheThreshold() {
        ItemOutcome low = ItemOutcome.judged(CLUSTER, new Report(CLUSTER.ref(),
                List.of(Finding.of(LOW_RULE, CLUSTER.ref(), "off")), List.of()));
        AccountSection fine = new AccountSection("123456789012", "", true, "", List.of(low));

        assertThat(new SweepReport("s", Severity.HIGH, List.of(fine)).passed()).isTrue();
        assertThat(new SweepReport("s", Severity.LOW, List.of(fine)).passed()).isFalse();
        assertThat(new SweepReport("s", Severity.HIGH, List.of(fine,
                AccountSection.unreachable("210987654321", "b", "AccessDenied"))).passed()).isFalse();
        assertThat(new SweepReport("s", Severity.HIGH, List.of(new AccountSection("123456789012", "", true, "",
                List.of(ItemOutcome.failed(CLUSTER, "Throttling"))))).passed()).isFalse();
        Report ruleError = new Report(CLUSTER.ref(), List.of(), List.of(new RuleError("X", CLUSTER.ref(), "boom")));
        assertThat(new SweepReport("s", Severity.HIGH, List.of(new AccountSection("123456789012", "", true, "",
                List.of(ItemOutcome.judged(CLUSTER, ruleError))))).passed()).isFalse();
    }

    @Test
    void toMap_countsPerAccountAndListsWhatWasNotJudged() {
        AccountSection section = new AccountSection("123456789012", "", true, "",
                List.of(ItemOutcome.failed(CLUSTER, "gone")));
        Map<String, Object> map = new SweepReport("s", Severity.HIGH, List.of(section)).toMap();

        assertThat(map).containsEntry("verdict", "fail").containsEntry("notJudged", 1L).containsEntry("items", 1L);
        Map<?, ?> account = (Map<?, ?>) ((List<?>) map.get("sections")).get(0);
        assertThat((List<?>) account.get("errors")).singleElement().asString().contains("gone");
    }

    @Test
    void codec_roundTripsFindingsRuleMetadataErrorsAndFailures() {
        Finding finding = new Finding(LOW_RULE, Severity.MEDIUM, CLUSTER.ref(), "m \"quoted\"", "fix it");
        List<ItemOutcome> outcomes = List.of(
                ItemOutcome.judged(CLUSTER, new Report(CLUSTER.ref(), List.of(finding),
                        List.of(new RuleError("R", CLUSTER.ref(), "e")))),
                ItemOutcome.failed(CLUSTER, "Throttling: rate exceeded"));

        assertThat(OutcomeCodec.read(OutcomeCodec.write(outcomes))).isEqualTo(outcomes);
        assertThatThrownBy(() -> OutcomeCodec.read("{}")).isInstanceOf(IllegalArgumentException.class);
    }
}
