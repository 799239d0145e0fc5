package dev.ecsiamguard.core.provision;

import java.util.List;
import java.util.Map;

/** A cluster as DescribeClusters shows it; `active` is false when it is missing or INACTIVE. */
public record ClusterState(String name, boolean active, String arn, List<String> capacityProviders,
                           List<DesiredCluster.StrategyItem> defaultStrategy, boolean containerInsights,
                           Map<String, String> tags) {

    public ClusterState {
        capacityProviders = List.copyOf(capacityProviders);
        defaultStrategy = List.copyOf(defaultStrategy);
        tags = Map.copyOf(tags);
    }

    public static ClusterState absent(String name) {
        return new ClusterState(name, false, "", List.of(), List.of(), false, Map.of());
    }

    public boolean managedByUs() {
        return ServiceBlueprint.MANAGED_BY.equals(tags.get("ManagedBy"));
    }
}
