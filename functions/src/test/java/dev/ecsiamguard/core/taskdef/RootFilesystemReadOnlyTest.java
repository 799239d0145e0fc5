package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.catalog.RuleCatalog;
import org.junit.jupiter.api.Test;

class RootFilesystemReadOnlyTest {

    private final RootFilesystemReadOnly rule = new RootFilesystemReadOnly();

    @Test
    void check_whenReadOnly_passes() {
        assertThat(check(rule, td().build())).isEmpty();
    }

    @Test
    void check_whenWritable_reportsWithExactFix() {
        assertThat(check(rule, with(container("web").readonly(false)))).singleElement().satisfies(f -> {
            assertThat(f.message())
                    .isEqualTo("Container web of task definition web-app:3 has a writable root file system.");
            assertThat(f.fix()).isEqualTo("Set \"readonlyRootFilesystem\": true on container web.");
        });
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-READONLY-ROOTFS")).containsSame(rule.metadata());
    }
}
