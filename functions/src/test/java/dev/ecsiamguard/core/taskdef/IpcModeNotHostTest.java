package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import org.junit.jupiter.api.Test;

class IpcModeNotHostTest {

    private final IpcModeNotHost rule = new IpcModeNotHost();

    @Test
    void check_whenIpcModeUnset_passes() {
        assertThat(check(rule, td().build())).isEmpty();
    }

    @Test
    void check_whenIpcModeHost_reportsMedium() {
        assertThat(check(rule, td().ipcMode("host").build())).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-HOST-IPC")).containsSame(rule.metadata());
    }
}
