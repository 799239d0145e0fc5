package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionAndTaskRolesDistinctTest {

    private final ExecutionAndTaskRolesDistinct rule = new ExecutionAndTaskRolesDistinct();

    @Test
    void check_whenRolesDiffer_passes() {
        assertThat(check(rule, td().build())).isEmpty();
    }

    @Test
    void check_whenOnlyOneRole_passes() {
        assertThat(check(rule, td().taskRole(null).build())).isEmpty();
    }

    @Test
    void check_whenSameRoleAsArnAndName_reportsMedium() {
        List<Finding> findings = check(rule, td().executionRole("ecsTaskExecutionRole")
                .taskRole("arn:aws:iam::123456789012:role/ecsTaskExecutionRole").build());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).isEqualTo("Task definition web-app:3 uses role ecsTaskExecutionRole as both "
                    + "execution role and task role.");
            assertThat(f.fix()).contains("web-app-task");
        });
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-SAME-EXEC-TASK-ROLE")).containsSame(rule.metadata());
    }
}
