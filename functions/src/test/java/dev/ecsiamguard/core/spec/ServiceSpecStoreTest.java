package dev.ecsiamguard.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The store port's update: re-read before write, retry on a lost race, no lost update, no write for no change. */
class ServiceSpecStoreTest {

    private static final ServiceSpec INITIAL = ServiceSpec.empty("ecs-orders-execution-role", "orders", "dev");

    private final InMemoryServiceSpecStore store = new InMemoryServiceSpecStore();

    @Test
    void update_whenTheChangeChangesNothing_writesNothing() {
        store.update(INITIAL.id(), () -> INITIAL, s -> s.withRegion("us-east-1", "orders"));
        int writes = store.writes();

        ServiceSpec again = store.update(INITIAL.id(), () -> INITIAL, s -> s.withRegion("us-east-1", "orders"));

        assertThat(store.writes()).isEqualTo(writes);
        assertThat(again.version()).isEqualTo(1);
    }

    @Test
    void update_whenAnotherWriterWinsBetweenReadAndWrite_reappliesOnTheirResult() {
        store.update(INITIAL.id(), () -> INITIAL, s -> s.withRegion("us-east-1", "orders"));
        // A store whose first conditional write loses to a concurrent writer adding another region.
        ServiceSpecStore racing = new ServiceSpecStore() {
            private boolean raced;

            @Override
            public Optional<ServiceSpec> read(String id) {
                return store.read(id);
            }

            @Override
            public Optional<ServiceSpec> writeIfUnchanged(ServiceSpec spec) {
                if (!raced) {
                    raced = true;
                    store.update(spec.id(), () -> INITIAL, s -> s.withRegion("eu-west-1", "orders"));
                }
                return store.writeIfUnchanged(spec);
            }
        };

        ServiceSpec result = racing.update(INITIAL.id(), () -> INITIAL, s -> s.withCapabilitiesAdded(List.of("xray")));

        assertThat(result.regions()).containsOnlyKeys("us-east-1", "eu-west-1");
        assertThat(result.capabilities()).containsExactly("xray");
        assertThat(store.read(INITIAL.id())).contains(result);
    }

    @Test
    void update_whenManyWritersAtOnce_keepsEveryonesRegion() throws Exception {
        List<String> regions = List.of("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1",
                "ap-south-1");
        ExecutorService pool = Executors.newFixedThreadPool(regions.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ServiceSpec>> runs = new ArrayList<>();
            for (String region : regions) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return store.update(INITIAL.id(), () -> INITIAL, s -> s.withRegion(region, "orders"));
                }));
            }
            start.countDown();
            for (Future<ServiceSpec> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.read(INITIAL.id()).orElseThrow().regions()).containsOnlyKeys(regions);
    }

    @Test
    void update_whenEveryAttemptLoses_failsInsteadOfDroppingTheChange() {
        ServiceSpecStore alwaysLoses = new ServiceSpecStore() {
            @Override
            public Optional<ServiceSpec> read(String id) {
                return Optional.empty();
            }

            @Override
            public Optional<ServiceSpec> writeIfUnchanged(ServiceSpec spec) {
                return Optional.empty();
            }
        };

        assertThatThrownBy(() -> alwaysLoses.update(INITIAL.id(), () -> INITIAL, s -> s.withRegion("us-east-1",
                "orders"))).isInstanceOf(SpecConflictException.class).hasMessageContaining("8 attempts");
    }

    @Test
    void spec_addsCapabilitiesAndRegionsWithoutRemovingAndDeclaresExactlyWhenAsked() {
        ServiceSpec spec = INITIAL.withRegion("eu-west-1", "orders").withCapabilities(List.of("xray", "exec"))
                .withCapabilitiesAdded(List.of("exec", " xray "));

        assertThat(spec.capabilities()).containsExactly("exec", "xray");
        assertThat(spec.withRegion("us-east-1", "orders").regions()).containsOnlyKeys("eu-west-1", "us-east-1");
        assertThat(spec.withCapabilities(List.of("exec")).capabilities()).containsExactly("exec");
        assertThat(spec.withAnnounced("eu-west-1", "abc").sameDeclaration(spec)).isTrue();
        assertThat(spec.withAnnounced("eu-west-1", "abc").sameContent(spec)).isFalse();
        assertThat(spec.withExecutionGrant("arn:aws:ssm:eu-west-1:123456789012:parameter/orders/db")
                .sameDeclaration(spec)).isFalse();
    }
}
