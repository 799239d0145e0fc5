package dev.ecsiamguard.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.provision.ClusterState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterContainerInsightsEnabledTest {

    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/ecs-dev";

    private static ClusterState cluster(boolean active, boolean insights) {
        return new ClusterState("ecs-dev", active, ARN, List.of("FARGATE"), List.of(), insights, Map.of());
    }

    @Test
    void check_whenInsightsAreOff_reportsClusterInsightsAtLow() {
        List<Finding> findings = new ClusterContainerInsightsEnabled().check(cluster(true, false));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("CLUSTER-INSIGHTS");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.resourceArn()).isEqualTo(ARN);
        });
    }

    @Test
    void check_whenInsightsAreOnOrTheClusterIsGone_findsNothing() {
        assertThat(new ClusterContainerInsightsEnabled().check(cluster(true, true))).isEmpty();
        assertThat(new ClusterContainerInsightsEnabled().check(cluster(false, false))).isEmpty();
    }
}
