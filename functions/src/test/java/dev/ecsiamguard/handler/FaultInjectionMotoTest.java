package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.LocalRuntime;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.FaultProxy;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Provisioning through a proxy that throttles, answers 503, or loses the answer after the call ran, on 20 % of
 * the calls: retried as EventBridge retries a failed invocation, every service ends fully provisioned, and a
 * replay then writes nothing.
 */
class FaultInjectionMotoTest {

    // 12 in the suite (2 shared cores); `-Dfaults.services=300` for the run.
    private static final int SERVICES = Integer.getInteger("faults.services", 12);
    private static final int EVENTBRIDGE_ATTEMPTS = 5; // the first delivery and the rule's 4 retries
    private static final double RATE = 0.2;

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final CallRecorder recorder = new CallRecorder();
    private final AtomicInteger failedInvocations = new AtomicInteger();

    @Test
    void provision_underInjectedFaults_convergesEveryServiceAndReplaysWriteNothing() throws Exception {
        moto.reset();
        aws.deployApplicationBus();
        String template = Files.readString(AllHandlers.EVENTS.resolve("cloudtrail/ecr-create-repository.json"));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            aws.createRepository("faults/svc-" + i, Map.of());
            events.add(template.replace("payments/api", "faults/svc-" + i));
        }
        try (FaultProxy proxy = new FaultProxy(moto.endpoint(), 7L, RATE)) {
            ProvisionOnRepositoryHandler handler = handlerThrough(proxy);
            long started = System.nanoTime();
            List<Integer> attempts = deliverAll(handler, events);
            long millis = (System.nanoTime() - started) / 1_000_000;
            proxy.rate(0);

            assertThat(attempts).allMatch(a -> a <= EVENTBRIDGE_ATTEMPTS);
            IamClient iam = aws.clients().iam();
            for (int i = 0; i < SERVICES; i++) {
                String service = "faults-svc-" + i;
                assertThat(iam.listRolePolicies(r -> r.roleName("ecs-" + service + "-execution-role"))
                        .policyNames()).containsExactly("ecs-iam-guard-execution");
                assertThat(iam.getRole(r -> r.roleName("ecs-" + service + "-task-role")).role()).isNotNull();
                assertThat(aws.clients().logs().describeLogGroups(r -> r.logGroupNamePrefix("/ecs/dev/" + service))
                        .logGroups().get(0).retentionInDays()).isEqualTo(30);
            }
            assertThat(aws.clients().ecs().describeClusters(r -> r.clusters("ecs-dev")).clusters().get(0)
                    .capacityProviders()).containsExactlyInAnyOrder("FARGATE", "FARGATE_SPOT");
            int announced = drainAnnouncements();

            recorder.clear();
            for (String event : events) {
                invoke(handler, event);
            }
            assertThat(recorder.writes()).isEmpty();
            System.out.printf("faults: %d services at %.0f %% faults (%d throttled, %d 503, %d answers lost, %d"
                    + " calls forwarded), %d failed invocations retried, at most %d deliveries per service, %d"
                    + " announcements, %d replay writes, %d ms%n", SERVICES, RATE * 100,
                    proxy.injected(FaultProxy.Fault.THROTTLE), proxy.injected(FaultProxy.Fault.UNAVAILABLE),
                    proxy.injected(FaultProxy.Fault.ANSWER_LOST), proxy.forwarded(), failedInvocations.get(),
                    attempts.stream().mapToInt(Integer::intValue).max().orElse(0), announced,
                    recorder.writes().size(), millis);
        }
    }

    private ProvisionOnRepositoryHandler handlerThrough(FaultProxy proxy) {
        Map<String, String> env = new HashMap<>(moto.environment());
        env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
        AwsSettings settings = AwsSettings.fromEnvironment(env).withInterceptor(recorder);
        return new ProvisionOnRepositoryHandler(new ServiceProvisioner(ProvisioningConfig.fromEnvironment(env),
                new AwsClients(settings), LocalAws.BUS), settings.region().id());
    }

    // Each event is delivered until its invocation succeeds, as EventBridge does, a few services at a time.
    private List<Integer> deliverAll(ProvisionOnRepositoryHandler handler, List<String> events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String event : events) {
                results.add(pool.submit(() -> {
                    for (int attempt = 1; attempt <= EVENTBRIDGE_ATTEMPTS; attempt++) {
                        try {
                            String status = invoke(handler, event);
                            assertThat(status).isEqualTo("ok");
                            return attempt;
                        } catch (RuntimeException failed) {
                            failedInvocations.incrementAndGet();
                        }
                    }
                    return EVENTBRIDGE_ATTEMPTS + 1;
                }));
            }
            List<Integer> attempts = new ArrayList<>();
            for (Future<Integer> f : results) {
                attempts.add(f.get());
            }
            return attempts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String invoke(ProvisionOnRepositoryHandler handler, String event) throws Exception {
        String out = LocalRuntime.invoke(handler, event, new LocalContext("ProvisionOnRepositoryFunction", 60, 1024,
                new PrintStream(OutputStream.nullOutputStream())));
        return Json.parse(out).asObject().get("status").asString();
    }

    private int drainAnnouncements() {
        int count = 0;
        for (List<String> batch = aws.publishedEvents(); !batch.isEmpty(); batch = aws.publishedEvents()) {
            count += batch.size();
        }
        return count;
    }
}
