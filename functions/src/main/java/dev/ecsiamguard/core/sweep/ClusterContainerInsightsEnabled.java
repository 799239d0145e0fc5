package dev.ecsiamguard.core.sweep;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.provision.ClusterState;
import java.util.List;

/** A cluster without Container Insights leaves its tasks' resource use unobserved (what provisioning enables). */
public final class ClusterContainerInsightsEnabled implements Rule<ClusterState> {

    public static final RuleMetadata METADATA = new RuleMetadata("CLUSTER-INSIGHTS", Severity.LOW,
            "Cluster has Container Insights enabled",
            "Enable it: aws ecs update-cluster-settings --cluster NAME"
                    + " --settings name=containerInsights,value=enabled");

    /** The cluster family: every rule the sweep runs on a cluster. */
    public static final List<ClusterContainerInsightsEnabled> ALL = List.of(new ClusterContainerInsightsEnabled());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(ClusterState cluster) {
        if (!cluster.active() || cluster.containerInsights()) {
            return List.of();
        }
        return List.of(Finding.of(METADATA, cluster.arn(), "Cluster " + cluster.name()
                + " does not have Container Insights enabled."));
    }
}
