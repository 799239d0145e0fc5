package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import org.junit.jupiter.api.Test;

class LinuxCapabilitiesNotDangerousTest {

    private final LinuxCapabilitiesNotDangerous rule = new LinuxCapabilitiesNotDangerous();

    @Test
    void check_whenOnlyHarmlessCapabilitiesAdded_passes() {
        assertThat(check(rule, with(container("web").capAdd("NET_BIND_SERVICE", "CHOWN", "")))).isEmpty();
    }

    @Test
    void check_whenDangerousCapabilitiesAdded_namesThem() {
        assertThat(check(rule, with(container("web").capAdd("CAP_SYS_ADMIN", "net_admin", "CHOWN"))))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.message()).isEqualTo("Container web of task definition web-app:3 adds Linux "
                            + "capabilities SYS_ADMIN, NET_ADMIN.");
                });
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-LINUX-CAPS")).containsSame(rule.metadata());
    }
}
