package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.ctx;
import static dev.ecsiamguard.core.roles.RoleFixtures.role;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskRoleExecMatchesIntentTest {

    private static final TaskRoleExecMatchesIntent RULE = new TaskRoleExecMatchesIntent();
    private static final TaskDefinition TD = td(container("\"image\":\"nginx\""));
    private static final String EXEC_ALLOWED = allow("*", "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel");

    private static List<Finding> check(Map<String, String> tags, String... statements) {
        return RULE.check(TD, ctx(null, role(RoleFixtures.TASK, statements), tags));
    }

    @Test
    void check_whenExecIntendedAndAllowed_passes() {
        assertThat(check(Map.of("ecs-iam-guard:capabilities", "exec"), EXEC_ALLOWED)).isEmpty();
    }

    @Test
    void check_whenIntentUnknown_staysSilent() {
        assertThat(check(Map.of(), EXEC_ALLOWED)).isEmpty();
    }

    @Test
    void check_whenExecIntendedButMissing_reportsFourActions() {
        assertThat(check(Map.of("ecs-iam-guard:capabilities", "exec s3-read"))).singleElement()
                .extracting(Finding::fix).asString().contains("ssmmessages:OpenDataChannel", "\"Resource\":\"*\"");
    }

    @Test
    void check_whenExecNotIntendedButAllowed_reportsRisk() {
        assertThat(check(Map.of("ecs-iam-guard:capabilities", "s3-read"), EXEC_ALLOWED)).singleElement()
                .extracting(Finding::resourceArn).isEqualTo(RoleFixtures.TASK);
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TASK-EXEC-SSMMESSAGES")).containsSame(RULE.metadata());
    }
}
