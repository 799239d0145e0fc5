package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.checkExec;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import org.junit.jupiter.api.Test;

class ExecutionRoleCanWriteLogsTest {

    private static final ExecutionRoleCanWriteLogs RULE = new ExecutionRoleCanWriteLogs();
    private static final String GROUP = "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/web";

    private static TaskDefinition awslogs(String extraOption) {
        return td(container("\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":"
                + "\"/ecs/web\",\"awslogs-region\":\"eu-west-1\",\"awslogs-stream-prefix\":\"web\"" + extraOption
                + "}}"));
    }

    @Test
    void check_whenGroupWildcardAllowsStreams_passes() {
        assertThat(checkExec(RULE, awslogs(""), allow(GROUP + ":*", "logs:CreateLogStream", "logs:PutLogEvents")))
                .isEmpty();
    }

    @Test
    void check_whenRoleScopedToAnotherGroup_reportsStatementOnGroup() {
        var findings = checkExec(RULE, awslogs(""), allow("arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/api:*",
                "logs:CreateLogStream", "logs:PutLogEvents"));

        assertThat(findings).singleElement().extracting(Finding::fix).isEqualTo("{\"Effect\":\"Allow\",\"Action\":"
                + "[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"" + GROUP + ":*\"}");
    }

    @Test
    void check_whenCreateGroupRequestedButNotAllowed_reportsCreateLogGroup() {
        var findings = checkExec(RULE, awslogs(",\"awslogs-create-group\":\"true\""),
                allow(GROUP + ":*", "logs:CreateLogStream", "logs:PutLogEvents"));

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.fix()).contains("logs:CreateLogGroup"));
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("EXEC-LOGS")).containsSame(RULE.metadata());
    }
}
