package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.ClusterState;
import dev.ecsiamguard.core.provision.DesiredCluster;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 */
public final class EcsClusters {

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
            DesiredCluster want = c.cluster();
            ecs.createCluster(r -> r.clusterName(want.name()).capacityProviders(want.capacityProviders())
                    .defaultCapacityProviderStrategy(strategy(want.defaultStrategy()))
                    .settings(insights())
                    .tags(new TreeMap<>(want.tags()).entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
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
