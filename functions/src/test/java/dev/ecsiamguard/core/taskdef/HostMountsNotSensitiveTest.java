package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostMountsNotSensitiveTest {

    private final HostMountsNotSensitive rule = new HostMountsNotSensitive();

    @ParameterizedTest
    @ValueSource(strings = {"/data", "/var/log/app", "/srv/www", "/etcetera", "/proceeds"})
    void check_whenApplicationHostPath_passes(String path) {
        assertThat(check(rule, td().volume(new Volume("v", path, null)).build())).isEmpty();
    }

    @Test
    void check_whenDockerManagedOrEmptySourcePath_passes() {
        assertThat(check(rule, td().volume(new Volume("v", "", null)).volume(new Volume("w", null, null)).build()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/var/run/docker.sock", "//var/run/docker.sock", "/proc", "/proc/1", "/sys/fs",
            "/etc", "/etc/", "/root/.ssh", "/var/lib/docker", "/run/containerd/containerd.sock"})
    void check_whenSensitiveHostPath_reportsHigh(String path) {
        assertThat(check(rule, td().volume(new Volume("v", path, null)).build())).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-HOST-MOUNTS")).containsSame(rule.metadata());
    }
}
