package dev.ecsiamguard.core.provision;

import static dev.ecsiamguard.core.provision.ReconcilerFixtures.desired;
import static dev.ecsiamguard.core.provision.ReconcilerFixtures.withCluster;
import static dev.ecsiamguard.core.provision.ReconcilerFixtures.withLogGroup;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plans for the log group and the ECS cluster: retention, capacity providers and Container Insights. */
class LogGroupAndClusterReconcilerTest {

    private final Reconciler reconciler = new Reconciler();

    @Test
    void plan_whenForeignLogGroupHasOtherRetention_notesIt() {
        DesiredService want = desired(Map.of());
        LogGroupState foreign = new LogGroupState(want.logGroup().name(), true, "arn:log", Optional.of(7), Map.of());

        Plan plan = reconciler.plan(want, withLogGroup(want, foreign));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).singleElement().satisfies(note -> {
            assertThat(note.resource()).isEqualTo("arn:log");
            assertThat(note.message()).contains("7 days", "30 days");
        });
    }

    @Test
    void plan_whenOwnedLogGroupHasOtherOrNoRetention_putsRetention() {
        DesiredService want = desired(Map.of("LOG_RETENTION_DAYS", "90"));
        String name = want.logGroup().name();
        Map<String, String> owned = want.logGroup().tags();

        Plan other = reconciler.plan(want, withLogGroup(want,
                new LogGroupState(name, true, "arn:log", Optional.of(7), owned)));
        Plan never = reconciler.plan(want, withLogGroup(want,
                new LogGroupState(name, true, "arn:log", Optional.empty(), owned)));

        assertThat(other.changes()).containsExactly(new Change.PutRetention(name, 90));
        assertThat(never.changes()).containsExactly(new Change.PutRetention(name, 90));
    }

    @Test
    void plan_whenActiveClusterLacksFargateSpot_putsUnionAndKeepsExistingStrategy() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        List<DesiredCluster.StrategyItem> strategy = List.of(new DesiredCluster.StrategyItem("team-asg", 2, 3));
        ClusterState have = new ClusterState(cluster.name(), true, "arn:cluster", List.of("team-asg", "FARGATE"),
                strategy, true, cluster.tags());

        Plan plan = reconciler.plan(want, withCluster(want, have));

        assertThat(plan.changes()).containsExactly(new Change.PutCapacityProviders(cluster.name(),
                List.of("team-asg", "FARGATE", "FARGATE_SPOT"), strategy));
    }

    @Test
    void plan_whenActiveClusterHasNoProvidersOrStrategy_putsDesiredProvidersAndStrategy() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        ClusterState have = new ClusterState(cluster.name(), true, "arn:cluster", List.of(), List.of(), true,
                cluster.tags());

        assertThat(reconciler.plan(want, withCluster(want, have)).changes()).containsExactly(
                new Change.PutCapacityProviders(cluster.name(), cluster.capacityProviders(),
                        cluster.defaultStrategy()));
    }

    @Test
    void plan_whenForeignClusterLacksFargateSpot_notesWithoutChange() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        ClusterState have = new ClusterState(cluster.name(), true, "arn:cluster", List.of("FARGATE"), List.of(),
                true, Map.of("owner", "platform"));

        Plan plan = reconciler.plan(want, withCluster(want, have));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).singleElement().satisfies(n -> assertThat(n.message()).contains("FARGATE_SPOT"));
    }

    @Test
    void plan_whenForeignClusterHasInsightsOff_notesWithoutChange() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        ClusterState have = new ClusterState(cluster.name(), true, "arn:cluster", cluster.capacityProviders(),
                cluster.defaultStrategy(), false, Map.of("owner", "platform"));

        Plan plan = reconciler.plan(want, withCluster(want, have));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).singleElement().satisfies(note -> {
            assertThat(note.resource()).isEqualTo("arn:cluster");
            assertThat(note.message()).contains("Container Insights", cluster.name());
        });
    }

    @Test
    void plan_whenOwnedClusterHasInsightsOff_enablesThem() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        ClusterState have = new ClusterState(cluster.name(), true, "arn:cluster", cluster.capacityProviders(),
                cluster.defaultStrategy(), false, cluster.tags());

        Plan plan = reconciler.plan(want, withCluster(want, have));

        assertThat(plan.changes()).containsExactly(new Change.EnableContainerInsights(cluster.name()));
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void plan_whenClusterIsInactive_createsIt() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        ClusterState inactive = new ClusterState(cluster.name(), false, "arn:cluster", List.of(), List.of(), false,
                cluster.tags());

        assertThat(reconciler.plan(want, withCluster(want, inactive)).changes())
                .containsExactly(new Change.CreateCluster(cluster));
    }
}
