package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.checkTask;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import org.junit.jupiter.api.Test;

class TaskRolePassRoleScopedTest {

    private static final TaskRolePassRoleScoped RULE = new TaskRolePassRoleScoped();
    private static final TaskDefinition TD = td(container("\"image\":\"nginx\""));

    @Test
    void check_whenPassRoleNamesRole_passes() {
        assertThat(checkTask(RULE, TD, allow("arn:aws:iam::123456789012:role/worker", "iam:PassRole"))).isEmpty();
    }

    @Test
    void check_whenPassRoleOnStarWithoutService_reportsWithConditionInFix() {
        assertThat(checkTask(RULE, TD, allow("*", "iam:PassRole"))).singleElement()
                .satisfies(f -> assertThat(f.fix()).contains("iam:PassedToService"));
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TASK-PASSROLE-STAR")).containsSame(RULE.metadata());
    }
}
