package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkModeNotHostTest {

    private final NetworkModeNotHost rule = new NetworkModeNotHost();

    @Test
    void check_whenAwsvpc_passes() {
        assertThat(check(rule, td().build())).isEmpty();
    }

    @Test
    void check_whenHostNetwork_reportsHigh() {
        List<Finding> findings = check(rule, td().networkMode("host").build());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).isEqualTo("Task definition web-app:3 uses the host network mode.");
        });
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-HOST-NETWORK")).containsSame(rule.metadata());
    }
}
