package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.checkTask;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import org.junit.jupiter.api.Test;

class TaskRoleNotAdminTest {

    private static final TaskRoleNotAdmin RULE = new TaskRoleNotAdmin();
    private static final TaskDefinition TD = td(container("\"image\":\"nginx\""));

    @Test
    void check_whenScoped_passes() {
        assertThat(checkTask(RULE, TD, allow("arn:aws:s3:::bucket/*", "s3:GetObject"))).isEmpty();
    }

    @Test
    void check_whenStarOnStar_reportsCriticalOnRole() {
        assertThat(checkTask(RULE, TD, allow("*", "*"))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.resourceArn()).isEqualTo(RoleFixtures.TASK);
            assertThat(f.message()).contains("policy `inline` statement 1");
        });
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TASK-ADMIN")).containsSame(RULE.metadata());
    }
}
