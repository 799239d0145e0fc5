package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.role;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferencedRolesExistTest {

    private static final ReferencedRolesExist RULE = new ReferencedRolesExist();
    private static final TaskDefinition TD = td(container("\"image\":\"nginx\""));

    @Test
    void check_whenBothFound_passes() {
        assertThat(RoleFixtures.check(RULE, TD, role(RoleFixtures.EXEC), role(RoleFixtures.TASK))).isEmpty();
    }

    @Test
    void check_whenExecutionRoleMissing_reportsIt() {
        var ctx = new RoleAnalysisContext("aws", "eu-west-1", "123456789012", RoleResolution.missing("NoSuchEntity"),
                RoleResolution.found(role(RoleFixtures.TASK)), Map.of());

        assertThat(RULE.check(TD, ctx)).singleElement().extracting(Finding::message).asString()
                .contains("execution role", "web-exec", "does not exist");
    }

    @Test
    void check_whenRoleInAnotherAccount_reportsIt() {
        TaskDefinition foreign = TaskDefinitionParser.parse("{\"taskDefinitionArn\":\"" + RoleFixtures.TD_ARN
                + "\",\"taskRoleArn\":\"arn:aws:iam::210987654321:role/web-task\",\"containerDefinitions\":"
                + "[{\"name\":\"app\"}]}");
        var ctx = new RoleAnalysisContext("aws", "eu-west-1", "123456789012", RoleResolution.unknown("none"),
                RoleResolution.unknown("role is in account 210987654321"), Map.of());

        assertThat(RULE.check(foreign, ctx)).singleElement().extracting(Finding::message).asString()
                .contains("account 210987654321");
    }

    @Test
    void check_whenRoleCouldNotBeRead_reportsInformational() {
        RoleLookup unreadable = name -> RoleResolution.unknown("AccessDenied on iam:GetRole");

        var findings = RULE.check(TD, RoleAnalysisContext.resolve(TD, unreadable, "123456789012", null, Map.of()));

        assertThat(findings).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(dev.ecsiamguard.core.Severity.INFORMATIONAL);
            assertThat(f.message()).contains("could not be checked", "AccessDenied");
        });
    }

    @Test
    void check_whenLookupSkipped_staysSilent() {
        var ctx = RoleAnalysisContext.resolve(TD, RoleLookup.SKIPPED, "123456789012", null, Map.of());

        assertThat(RULE.check(TD, ctx)).isEmpty();
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-ROLE-EXISTS")).containsSame(RULE.metadata());
    }
}
