package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.handler.Stacks.Stack;
import dev.ecsiamguard.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Several stacks (regions, environments) of one account against one moto: the global roles carry every region's
 * facet, whatever order the events arrive in, and nothing flips back and forth on redelivery.
 */
class MultiRegionProvisioningMotoTest {

    private static final String EXEC = "ecs-orders-execution-role";
    private static final String TASK = "ecs-orders-task-role";

    private final MotoServer moto = MotoServer.get();
    private final Stacks stacks = new Stacks(moto);

    @BeforeEach
    void reset() {
        moto.reset();
        stacks.deployFirstStack();
    }

    @Test
    void twoRegions_inEitherOrder_bothFacetsPresentAndReplaysWriteNothing() {
        for (boolean usFirst : new boolean[] {true, false}) {
            reset();
            Stack us = stacks.deploy("us-east-1", "dev");
            Stack eu = stacks.deploy("eu-west-1", "dev");
            stacks.createRepository("us-east-1", "orders", Map.of());
            stacks.createRepository("eu-west-1", "orders", Map.of());
            for (Stack stack : usFirst ? List.of(us, eu) : List.of(eu, us)) {
                assertThat(stack.deliver("orders").get("status").asString()).isEqualTo("ok");
            }

            assertBothRegionsPresent(us);
            assertThat(eu.clients().logs().describeLogGroups(r -> r.logGroupNamePrefix("/ecs/dev/orders"))
                    .logGroups()).hasSize(1);
            us.recorder().clear();
            eu.recorder().clear();
            assertThat(us.deliver("orders").get("changes").asArray()).isEmpty();
            assertThat(eu.deliver("orders").get("changes").asArray()).isEmpty();
            assertThat(us.recorder().writes()).as("us-east-1 replay").isEmpty();
            assertThat(eu.recorder().writes()).as("eu-west-1 replay").isEmpty();
        }
    }

    @Test
    void threeStacks_fiftyInterleavedRedeliveries_neverFlap() {
        Stack us = stacks.deploy("us-east-1", "dev");
        Stack eu = stacks.deploy("eu-west-1", "dev");
        Stack prod = stacks.deploy("us-east-1", "prod");
        stacks.createRepository("us-east-1", "orders", Map.of("ecs-iam-guard:capabilities", "exec"));
        stacks.createRepository("eu-west-1", "orders", Map.of());
        List<Stack> all = List.of(us, eu, prod);
        all.forEach(stack -> stack.deliver("orders"));
        assertBothRegionsPresent(us);
        String trust = us.trustPolicy(EXEC);
        String execution = us.inlinePolicy(EXEC, "ecs-iam-guard-execution");
        all.forEach(stack -> stack.recorder().clear());

        Random random = new Random(9);
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Stack stack = all.get(random.nextInt(all.size()));
            statuses.add(stack.environment() + ":" + stack.deliver("orders").get("status").asString());
        }

        assertThat(statuses).contains("dev:ok", "prod:skipped").doesNotContain("dev:skipped", "prod:ok");
        all.forEach(stack -> assertThat(stack.recorder().writes()).as(stack.region() + " " + stack.environment())
                .isEmpty());
        assertThat(us.trustPolicy(EXEC)).isEqualTo(trust);
        assertThat(us.inlinePolicy(EXEC, "ecs-iam-guard-execution")).isEqualTo(execution)
                .doesNotContain("/ecs/prod/");
        assertThat(us.clients().logs().describeLogGroups(r -> r.logGroupNamePrefix("/ecs/prod/")).logGroups())
                .isEmpty();
    }

    @Test
    void twoRegionsAtTheSameMoment_convergeWithBothFacets() throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            reset();
            Stack us = stacks.deploy("us-east-1", "dev");
            Stack eu = stacks.deploy("eu-west-1", "dev");
            stacks.createRepository("us-east-1", "orders", Map.of());
            stacks.createRepository("eu-west-1", "orders", Map.of());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Map<String, JsonNode>>> runs = new ArrayList<>();
                for (Stack stack : List.of(us, eu)) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return stack.deliver("orders");
                    }));
                }
                start.countDown();
                for (Future<Map<String, JsonNode>> run : runs) {
                    assertThat(run.get().get("status").asString()).isEqualTo("ok");
                }
            } finally {
                pool.shutdownNow();
            }
            assertBothRegionsPresent(us);
            us.recorder().clear();
            eu.recorder().clear();
            us.deliver("orders");
            eu.deliver("orders");
            assertThat(us.recorder().writes()).isEmpty();
            assertThat(eu.recorder().writes()).isEmpty();
        }
    }

    private static void assertBothRegionsPresent(Stack stack) {
        for (String role : List.of(EXEC, TASK)) {
            assertThat(stack.trustPolicy(role)).contains("arn:aws:ecs:us-east-1:123456789012:*",
                    "arn:aws:ecs:eu-west-1:123456789012:*", "\"aws:SourceAccount\":\"123456789012\"");
        }
        assertThat(stack.inlinePolicy(EXEC, "ecs-iam-guard-execution")).contains(
                "arn:aws:ecr:us-east-1:123456789012:repository/orders",
                "arn:aws:ecr:eu-west-1:123456789012:repository/orders",
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/orders:*",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/dev/orders:*");
    }
}
