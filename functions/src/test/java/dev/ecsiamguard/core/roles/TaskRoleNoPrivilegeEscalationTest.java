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

class TaskRoleNoPrivilegeEscalationTest {

    private static final TaskRoleNoPrivilegeEscalation RULE = new TaskRoleNoPrivilegeEscalation();
    private static final TaskDefinition TD = td(container("\"image\":\"nginx\""));

    @Test
    void check_whenApplicationPermissionsOnly_passes() {
        assertThat(checkTask(RULE, TD, allow("*", "sqs:SendMessage", "iam:GetRole"),
                allow("arn:aws:iam::123456789012:role/worker", "iam:PassRole"), allow("*", "ecs:RunTask"))).isEmpty();
    }

    @Test
    void check_whenIamWriteAllowed_reportsIt() {
        assertThat(checkTask(RULE, TD, allow("arn:aws:iam::123456789012:role/*", "iam:AttachRolePolicy")))
                .singleElement().extracting(Finding::message).asString().contains("iam:AttachRolePolicy");
    }

    @Test
    void check_whenPassRoleWithComputeCreate_reportsCombination() {
        assertThat(checkTask(RULE, TD, allow("*", "iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction")))
                .singleElement().extracting(Finding::message).asString()
                .contains("PASSROLE-LAMBDA: iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction");
    }

    @Test
    void check_whenCreatedFunctionCannotBeRun_passes() {
        // Rhino's path needs a way to run the function: InvokeFunction or an event source mapping
        assertThat(checkTask(RULE, TD, allow("*", "iam:PassRole", "lambda:CreateFunction"))).isEmpty();
    }

    @Test
    void check_whenAssumeRoleOnStar_reportsIt() {
        assertThat(checkTask(RULE, TD, allow("*", "sts:AssumeRole"))).singleElement().extracting(Finding::message)
                .asString().contains("sts:AssumeRole on *");
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TASK-PRIVESC")).containsSame(RULE.metadata());
    }
}
