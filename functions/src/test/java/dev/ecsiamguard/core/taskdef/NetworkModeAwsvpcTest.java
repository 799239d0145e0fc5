package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkModeAwsvpcTest {

    private final NetworkModeAwsvpc rule = new NetworkModeAwsvpc();

    @Test
    void check_whenAwsvpc_passes() {
        assertThat(check(rule, td().build())).isEmpty();
    }

    @Test
    void check_whenHost_leavesItToHostNetworkRule() {
        assertThat(check(rule, td().networkMode("host").build())).isEmpty();
    }

    @Test
    void check_whenBridgeOnEc2Only_reportsInformational() {
        List<Finding> findings = check(rule, td().networkMode("bridge").compatibilities("EC2").build());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFORMATIONAL);
            assertThat(f.message()).endsWith("uses network mode bridge instead of awsvpc.");
        });
    }

    @Test
    void check_whenNetworkModeUnsetWithoutCompatibilities_reportsLow() {
        List<Finding> findings = check(rule, td().networkMode(null).compatibilities().build());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.message()).contains("the default network mode");
        });
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-NOT-AWSVPC")).containsSame(rule.metadata());
    }
}
