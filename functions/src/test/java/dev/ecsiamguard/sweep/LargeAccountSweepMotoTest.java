package dev.ecsiamguard.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.app.SweepAccounts;
import dev.ecsiamguard.app.SweepConfig;
import dev.ecsiamguard.app.SweepRunner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.sweep.ItemKind;
import dev.ecsiamguard.core.sweep.SweepReport;
import dev.ecsiamguard.testing.LargeAccount;
import dev.ecsiamguard.testing.MotoServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The large account (300 families x 3 revisions, 200 roles, 20 services on 5 clusters) swept in-process
 * with the local runner: every planted defect is reported, every item is judged. Prints the run's figures.
 */
class LargeAccountSweepMotoTest {

    private static final MotoServer MOTO = MotoServer.get();
    private static List<LargeAccount.Planted> planted;

    @BeforeAll
    static void generate() {
        MOTO.reset();
        planted = LargeAccount.generate(MOTO);
    }

    @Test
    void theSweepFindsEveryPlantedDefectAndJudgesEveryItem() {
        Map<String, String> env = LargeAccount.sweepEnvironment(MOTO);
        SweepConfig config = SweepConfig.fromEnvironment(env);
        AwsClients clients = new AwsClients(MOTO.settings(), SweepAccounts.MAX_ATTEMPTS);
        SweepAccounts accounts = new SweepAccounts(config, clients, "123456789012");
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();

        SweepReport report = new SweepRunner(config, accounts, 4, 25, SweepRunner.Progress.NONE).run("large");

        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long calls = accounts.callCount();
        System.out.printf(Locale.ROOT, "large-account sweep: %d items in %.2f s = %.1f items/s, %d AWS calls = %.2f"
                        + " per item, peak heap %.0f MB, %d findings%n", report.itemCount(), seconds,
                report.itemCount() / seconds, calls, (double) calls / report.itemCount(), peak / 1e6,
                report.findings().size());

        // 5 clusters, 300 latest revisions + 20 running older ones, 198 ECS roles + 2 GitHub roles, 1 provider
        assertThat(report.itemCount()).isEqualTo(526);
        assertThat(report.outcomes().stream().filter(o -> o.item().kind() == ItemKind.TASK_DEFINITION)).hasSize(320);
        assertThat(report.notJudgedCount()).as("items not judged").isZero();
        assertThat(report.ruleErrorCount()).as("rules that could not run").isZero();
        assertThat(planted).hasSizeGreaterThan(40);
        for (LargeAccount.Planted defect : planted) {
            assertThat(report.findings()).as("planted %s on %s", defect.ruleId(), defect.token())
                    .anyMatch(f -> f.rule().id().equals(defect.ruleId()) && names(f, defect.token()));
        }
        assertThat(report.passed()).isFalse();
    }

    private static boolean names(Finding f, String token) {
        return f.resourceArn().contains(token) || f.message().contains(token);
    }
}
