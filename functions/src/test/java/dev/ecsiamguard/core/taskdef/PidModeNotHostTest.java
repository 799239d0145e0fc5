package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import org.junit.jupiter.api.Test;

class PidModeNotHostTest {

    private final PidModeNotHost rule = new PidModeNotHost();

    @Test
    void check_whenPidModeTask_passes() {
        assertThat(check(rule, td().pidMode("task").build())).isEmpty();
    }

    @Test
    void check_whenPidModeHost_reportsHigh() {
        assertThat(check(rule, td().pidMode("host").build())).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-HOST-PID")).containsSame(rule.metadata());
    }
}
