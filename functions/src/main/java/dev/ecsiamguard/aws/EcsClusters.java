package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.ClusterState;
import dev.ecsiamguard.core.provision.DesiredCluster;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Reads clusters into {@link ClusterState} snapshots and applies cluster changes. CreateCluster is only ever
 * called for a cluster that DescribeClusters did not show as ACTIVE (on moto a second call resets it).
 *
 * <p>Creation is single-flight per cluster name within an execution environment: concurrent runs wait for each
 * other, and each re-describes just before creating. One that finds the cluster already there has lost the race:
 * it creates nothing and throws {@link AlreadyCreated}, so its caller re-plans from what is really there.
 */
public final class EcsClusters {

    // One lock per cluster name, shared by every client of this execution environment.
    private static final ConcurrentHashMap<String, Object> CREATING = new ConcurrentHashMap<>();

    private final EcsClient ecs;

    public EcsClusters(EcsClient ecs) {
        this.ecs = ecs;
    }

    public ClusterState read(String name) {
        List<Cluster> clusters = ecs.describeClusters(r -> r.clusters(name)
                .include(ClusterField.TAGS, ClusterField.SETTINGS)).clusters();
        Cluster cluster = clusters.stream().filter(c -> "ACTIVE".equals(c.status())).findFirst().orElse(null);
        if (cluster == null) {
            return ClusterState.absent(name);
        }
        boolean insights = cluster.settings().stream().anyMatch(s -> s.name() == ClusterSettingName.CONTAINER_INSIGHTS
                && ("enabled".equals(s.value()) || "enhanced".equals(s.value())));
        Map<String, String> tags = new TreeMap<>();
        cluster.tags().forEach(t -> tags.put(t.key(), t.value()));
        List<DesiredCluster.StrategyItem> strategy = cluster.defaultCapacityProviderStrategy().stream()
                .map(s -> new DesiredCluster.StrategyItem(s.capacityProvider(), orZero(s.base()), orZero(s.weight())))
                .toList();
        return new ClusterState(name, true, cluster.clusterArn(), cluster.capacityProviders(), strategy, insights,
                tags);
    }

    public boolean apply(Change change) {
        if (change instanceof Change.CreateCluster c) {
            create(c.cluster());
        } else if (change instanceof Change.PutCapacityProviders c) {
            ecs.putClusterCapacityProviders(r -> r.cluster(c.clusterName()).capacityProviders(c.providers())
                    .defaultCapacityProviderStrategy(strategy(c.strategy())));
        } else if (change instanceof Change.EnableContainerInsights c) {
            ecs.updateClusterSettings(r -> r.cluster(c.clusterName()).settings(insights()));
        } else {
            return false;
        }
        return true;
    }

    private void create(DesiredCluster want) {
        synchronized (CREATING.computeIfAbsent(want.name(), name -> new Object())) {
            if (read(want.name()).active()) {
                throw new AlreadyCreated(want.name());
            }
            ecs.createCluster(r -> r.clusterName(want.name()).capacityProviders(want.capacityProviders())
                    .defaultCapacityProviderStrategy(strategy(want.defaultStrategy()))
                    .settings(insights())
                    .tags(new TreeMap<>(want.tags()).entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
        }
    }

    /** Another run created the cluster between this run's read and its create: nothing was written. */
    public static final class AlreadyCreated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyCreated(String name) {
            super("cluster `" + name + "` was created by a concurrent run; re-plan from its current state");
        }
    }

    private static ClusterSetting insights() {
        return ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled").build();
    }

    private static List<CapacityProviderStrategyItem> strategy(List<DesiredCluster.StrategyItem> items) {
        return items.stream().map(i -> CapacityProviderStrategyItem.builder().capacityProvider(i.capacityProvider())
                .base(i.base()).weight(i.weight()).build()).toList();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
