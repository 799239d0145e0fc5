package dev.ecsiamguard.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.app.SweepAccounts;
import dev.ecsiamguard.app.SweepConfig;
import dev.ecsiamguard.app.SweepRunner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.core.sweep.SweepReport;
import dev.ecsiamguard.testing.ThrottlingProxy;
import dev.ecsiamguard.testing.LargeAccount;
import dev.ecsiamguard.testing.MotoServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * With one AWS call in ten throttled by a proxy on 127.0.0.1, the sweep loses nothing: the same items, the same
 * findings as without throttling, every item judged — and it is the SDK's retries that absorb it (more attempts
 * than calls), not sleeps in the sweep.
 */
class ThrottledSweepMotoTest {

    private static final MotoServer MOTO = MotoServer.get();

    @BeforeAll
    static void account() {
        MOTO.reset();
        LargeAccount.generate(MOTO, "--families", "40", "--revisions", "2", "--roles", "30", "--services", "6",
                "--clusters", "2");
    }

    @Test
    void tenPercentThrottled_zeroItemsLost_sameFindings() throws Exception {
        SweepReport clean = sweep(LargeAccount.sweepEnvironment(MOTO), new AtomicLong(), new AtomicLong());

        AtomicLong calls = new AtomicLong();
        AtomicLong attempts = new AtomicLong();
        SweepReport throttled;
        long refused;
        try (ThrottlingProxy proxy = new ThrottlingProxy(MOTO.endpoint(), 0.10, body -> false)) {
            Map<String, String> env = LargeAccount.sweepEnvironment(MOTO);
            env.putAll(proxy.environment(MOTO));
            throttled = sweep(env, calls, attempts);
            refused = proxy.throttled();
            System.out.printf("throttled sweep: %d items, %d calls, %d attempts, %d throttled by the proxy%n",
                    throttled.itemCount(), calls.get(), attempts.get(), refused);
        }

        assertThat(refused).as("requests the proxy throttled").isGreaterThan(20);
        assertThat(attempts.get() - calls.get()).as("SDK retries").isGreaterThanOrEqualTo(refused);
        assertThat(throttled.itemCount()).isEqualTo(clean.itemCount()).isGreaterThan(60);
        assertThat(throttled.notJudgedCount()).as("items not judged").isZero();
        assertThat(keys(throttled)).isEqualTo(keys(clean));
    }

    private static List<String> keys(SweepReport report) {
        return report.findings().stream().map(f -> f.rule().id() + " " + f.resourceArn() + " " + f.message())
                .sorted().toList();
    }

    private static SweepReport sweep(Map<String, String> env, AtomicLong calls, AtomicLong attempts) {
        AwsSettings settings = AwsSettings.fromEnvironment(env).withInterceptor(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.incrementAndGet();
            }

            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.incrementAndGet();
            }
        });
        SweepConfig config = SweepConfig.fromEnvironment(env);
        AwsClients clients = new AwsClients(settings, SweepAccounts.MAX_ATTEMPTS);
        return new SweepRunner(config, new SweepAccounts(config, clients, "123456789012"), 4, 10,
                SweepRunner.Progress.NONE).run("throttled");
    }
}
