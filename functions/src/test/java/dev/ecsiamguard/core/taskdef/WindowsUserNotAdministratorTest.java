package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsUserNotAdministratorTest {

    private final WindowsUserNotAdministrator rule = new WindowsUserNotAdministrator();

    @Test
    void check_whenWindowsWithContainerUser_passes() {
        assertThat(check(rule, td().os("WINDOWS_SERVER_2019_FULL").container(container("web").user("ContainerUser"))
                .build())).isEmpty();
    }

    @Test
    void check_whenLinux_passesEvenWithoutUser() {
        assertThat(check(rule, with(container("web").user(null)))).isEmpty();
    }

    @Test
    void check_whenWindowsAdministratorOrUnset_reportsEach() {
        List<Finding> findings = check(rule, td().os("WINDOWS_SERVER_2022_CORE")
                .container(container("a").user("ContainerAdministrator"))
                .container(container("b").user(null))
                .build());

        assertThat(findings).extracting(Finding::message).containsExactly(
                "Container a of task definition web-app:3 runs as the container administrator.",
                "Container b of task definition web-app:3 runs as the container administrator.");
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-WINDOWS-ADMIN")).containsSame(rule.metadata());
    }
}
