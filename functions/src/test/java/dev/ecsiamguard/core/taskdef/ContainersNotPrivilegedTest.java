package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainersNotPrivilegedTest {

    private final ContainersNotPrivileged rule = new ContainersNotPrivileged();

    @Test
    void check_whenNoContainerIsPrivileged_passes() {
        assertThat(check(rule, td().build())).isEmpty();
    }

    @Test
    void check_whenContainerIsPrivileged_reportsItWithExactFix() {
        List<Finding> findings = check(rule, with(container("web").privileged(true)));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("TD-PRIVILEGED");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.resourceArn()).isEqualTo(TaskDefs.ARN);
            assertThat(f.message()).isEqualTo("Container web of task definition web-app:3 runs privileged.");
            assertThat(f.fix()).isEqualTo("Set \"privileged\": false on container web.");
        });
    }
}
