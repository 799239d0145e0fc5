package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;

/**
 * A burst of new services for one environment: the environment's cluster is created once, and never reset by a
 * second CreateCluster (on moto, a second call replaces its settings and tags).
 */
class ClusterContentionMotoTest {

    // 20 in the suite (2 shared cores); `-Dcontention.services=50` reproduces the burst.
    private static final int SERVICES = Integer.getInteger("contention.services", 20);

    @Test
    void provision_whenManyNewServicesArriveAtOnce_createsTheClusterOnceAndProvisionsEveryService()
            throws Exception {
        MotoServer moto = MotoServer.get();
        moto.reset();
        LocalAws aws = new LocalAws(moto);
        aws.deployApplicationBus();
        String template = Files.readString(AllHandlers.EVENTS.resolve("cloudtrail/ecr-create-repository.json"));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            aws.createRepository("burst/svc-" + i, Map.of());
            events.add(template.replace("payments/api", "burst/svc-" + i));
        }
        CallRecorder recorder = new CallRecorder();
        AllHandlers handlers = new AllHandlers(moto, recorder);

        long started = System.nanoTime();
        List<String> statuses = burst(handlers, events);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(statuses).hasSize(SERVICES).containsOnly("ok");
        long creates = recorder.calls().stream().filter(c -> c.endsWith(":CreateCluster")).count();
        assertThat(creates).isEqualTo(1);
        Cluster cluster = aws.clients().ecs().describeClusters(r -> r.clusters("ecs-dev")
                .include(ClusterField.TAGS, ClusterField.SETTINGS)).clusters().get(0);
        assertThat(cluster.capacityProviders()).containsExactlyInAnyOrder("FARGATE", "FARGATE_SPOT");
        assertThat(cluster.tags()).anyMatch(t -> t.key().equals("ManagedBy") && t.value().equals("ecs-iam-guard"));
        for (int i = 0; i < SERVICES; i++) {
            String role = "ecs-burst-svc-" + i + "-task-role";
            assertThat(aws.clients().iam().getRole(r -> r.roleName(role)).role().roleName()).isEqualTo(role);
        }
        System.out.printf("cluster contention: %d services at once, %d CreateCluster, %d AWS calls, %d ms%n",
                SERVICES, creates, recorder.calls().size(), millis);
    }

    private static List<String> burst(AllHandlers handlers, List<String> events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(events.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String event : events) {
                results.add(pool.submit(() -> {
                    start.await();
                    return Json.parse(handlers.invoke(AllHandlers.Kind.PROVISION, event)).asObject()
                            .get("status").asString();
                }));
            }
            start.countDown();
            List<String> statuses = new ArrayList<>();
            for (Future<String> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
