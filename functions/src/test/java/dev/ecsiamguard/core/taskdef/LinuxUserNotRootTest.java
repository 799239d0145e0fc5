package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LinuxUserNotRootTest {

    private final LinuxUserNotRoot rule = new LinuxUserNotRoot();

    @ParameterizedTest
    @ValueSource(strings = {"1000", "1000:1000", "app", "65532:65532"})
    void check_whenNonRootUser_passes(String user) {
        assertThat(check(rule, with(container("web").user(user)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"root", "0", "0:0", "root:root", "0:1000"})
    void check_whenRoot_reportsMedium(String user) {
        assertThat(check(rule, with(container("web").user(user)))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).contains("runs as root (user `" + user + "`)");
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    void check_whenUnset_saysTheImageUserApplies_atLow(String user) {
        assertThat(check(rule, with(container("web").user(user)))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.message()).contains("image's USER applies").doesNotContain("runs as root");
        });
    }

    @Test
    void check_whenWindows_skipsLinuxCheck() {
        assertThat(check(rule, td().os("WINDOWS_SERVER_2022_CORE").container(container("web").user(null)).build()))
                .isEmpty();
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-ROOT-USER")).containsSame(rule.metadata());
    }
}
