package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.local.LocalRuntime;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler as Lambda constructs it (no-argument constructor, configured by the process environment, graph built
 * in the background), in a fresh JVM through the local runtime, against moto: the invocation waits for the build,
 * and a build that fails fails the invocation with its message and writes nothing.
 */
class LambdaConstructedHandlerMotoTest {

    private static final String HANDLER = ProvisionOnRepositoryHandler.class.getName();
    private static final String EVENT = "../events/cloudtrail/ecr-create-repository.json";

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);

    @BeforeEach
    void account() {
        moto.reset();
        aws.deployApplicationBus();
        aws.createRepository("payments/api", Map.of());
    }

    @Test
    void provisioning_builtInTheBackground_provisionsTheService() throws Exception {
        Result run = runtime(Map.of());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"status\":\"ok\"");
        assertThat(aws.clients().iam().getRole(r -> r.roleName("ecs-payments-api-task-role")).role().arn())
                .endsWith("role/ecs-iam-guard/ecs-payments-api-task-role");
    }

    @Test
    void aSettingTheBuildRefuses_failsTheInvocationWithItsMessage_andWritesNothing() throws Exception {
        Result run = runtime(Map.of("ROLE_CACHE_SECONDS", "five", "ROLE_USAGE_TABLE", "role-usage"));

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("ROLE_CACHE_SECONDS is `five`");
        assertThat(aws.clients().iam().listRoles().roles()).noneMatch(r -> r.roleName().startsWith("ecs-payments"));
    }

    private Result runtime(Map<String, String> extra) throws IOException, InterruptedException {
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LocalRuntime.class.getName(), HANDLER, EVENT).redirectErrorStream(true);
        child.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        child.environment().putAll(moto.environment());
        child.environment().putAll(extra);
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private record Result(int exit, String output) {
    }
}
