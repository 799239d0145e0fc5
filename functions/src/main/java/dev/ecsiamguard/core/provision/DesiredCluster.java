package dev.ecsiamguard.core.provision;

import java.util.List;
import java.util.Map;

/** The environment's Fargate cluster: capacity providers, default strategy, Container Insights, tags. */
public record DesiredCluster(String name, List<String> capacityProviders, List<StrategyItem> defaultStrategy,
                             boolean containerInsights, Map<String, String> tags) {

    public DesiredCluster {
        capacityProviders = List.copyOf(capacityProviders);
        defaultStrategy = List.copyOf(defaultStrategy);
        tags = Map.copyOf(tags);
    }

    /** One entry of a capacity provider strategy. */
    public record StrategyItem(String capacityProvider, int base, int weight) {
    }
}
