package dev.ecsiamguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `scripts/scan` in-process: the exit codes of scripts/validate, plain progress lines off a terminal, JSON. */
class ScanCliMotoTest {

    private static final MotoServer MOTO = MotoServer.get();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void oneClusterWithoutInsights() {
        MOTO.reset();
        new AwsClients(MOTO.settings()).ecs().createCluster(r -> r.clusterName("plain"));
    }

    @Test
    void lowFinding_passesAtHighFailsAtLow() {
        assertThat(run("--format", "json")).isZero();
        Map<String, ?> report = Json.parse(out.toString(StandardCharsets.UTF_8)).asObject();
        assertThat(report.get("verdict").toString()).contains("pass");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("account 123456789012: 1 item(s) to judge")
                .contains("judged 1/1 items").contains("AWS calls").doesNotContain("\r");

        out.reset();
        assertThat(run("--threshold", "low")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAIL (threshold LOW)")
                .contains("CLUSTER-INSIGHTS").contains("cluster/plain");
    }

    @Test
    void usageErrors_exitTwoBeforeAnyCall() {
        assertThat(run("--format", "xml")).isEqualTo(2);
        assertThat(run("--workers", "0")).isEqualTo(2);
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format must be text, json or sarif")
                .contains("unknown argument `--bogus`");
    }

    @Test
    void sarif_isSarif210WithTheFindingLocatedByItsArn() {
        assertThat(run("--format", "sarif", "--threshold", "low")).isEqualTo(1);
        String sarif = out.toString(StandardCharsets.UTF_8);
        assertThat(sarif).contains("\"version\":\"2.1.0\"").contains("\"ruleId\":\"CLUSTER-INSIGHTS\"")
                .contains("\"fullyQualifiedName\":\"arn:aws:ecs:us-east-1:123456789012:cluster/plain\"");
    }

    private int run(String... args) {
        Map<String, String> env = MOTO.environment();
        env.put("AWS_ACCOUNT_ID", "123456789012");
        return new ScanCli(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(args);
    }
}
