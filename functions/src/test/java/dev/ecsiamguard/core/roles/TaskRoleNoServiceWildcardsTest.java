package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.checkTask;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import org.junit.jupiter.api.Test;

class TaskRoleNoServiceWildcardsTest {

    private static final TaskRoleNoServiceWildcards RULE = new TaskRoleNoServiceWildcards();
    private static final TaskDefinition TD = td(container("\"image\":\"nginx\""));

    @Test
    void check_whenNamedActions_passes() {
        assertThat(checkTask(RULE, TD, allow("*", "sqs:SendMessage", "s3:Get*"))).isEmpty();
    }

    @Test
    void check_whenWholeService_reportsIt() {
        assertThat(checkTask(RULE, TD, allow("arn:aws:dynamodb:*:*:table/t", "dynamodb:*")))
                .singleElement().extracting(Finding::message).asString().contains("dynamodb:*");
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TASK-SERVICE-WILDCARD")).containsSame(RULE.metadata());
    }
}
