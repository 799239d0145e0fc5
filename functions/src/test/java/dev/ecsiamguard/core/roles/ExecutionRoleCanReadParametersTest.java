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

class ExecutionRoleCanReadParametersTest {

    private static final ExecutionRoleCanReadParameters RULE = new ExecutionRoleCanReadParameters();
    private static final String PARAM = "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/web/db";

    private static TaskDefinition withSecret(String valueFrom) {
        return td(container("\"secrets\":[{\"name\":\"DB\",\"valueFrom\":\"" + valueFrom + "\"}]"));
    }

    @Test
    void check_whenHierarchicalNameAllowed_passes() {
        assertThat(checkExec(RULE, withSecret("/prod/web/db"),
                allow("arn:aws:ssm:eu-west-1:123456789012:parameter/prod/web/*", "ssm:GetParameters"))).isEmpty();
    }

    @Test
    void check_whenOnlySingularGetParameterAllowed_reportsPluralOnBuiltArn() {
        var findings = checkExec(RULE, withSecret("/prod/web/db"), allow(PARAM, "ssm:GetParameter"));

        assertThat(findings).singleElement().extracting(Finding::fix).isEqualTo(
                "{\"Effect\":\"Allow\",\"Action\":\"ssm:GetParameters\",\"Resource\":\"" + PARAM + "\"}");
    }

    @Test
    void check_whenParameterReferencesSecretsManager_alsoNeedsGetSecretValue() {
        String ref = "arn:aws:ssm:eu-west-1:123456789012:parameter/aws/reference/secretsmanager/db";

        var findings = checkExec(RULE, withSecret(ref), allow(ref, "ssm:GetParameters"));

        assertThat(findings).singleElement().extracting(Finding::fix).asString()
                .contains("secretsmanager:GetSecretValue", "secret:db-??????");
    }

    @Test
    void check_whenLogSecretOptionUsesParameter_checksItToo() {
        TaskDefinition td = td(container("\"logConfiguration\":{\"logDriver\":\"splunk\",\"secretOptions\":"
                + "[{\"name\":\"splunk-token\",\"valueFrom\":\"splunk-token\"}]}"));

        assertThat(checkExec(RULE, td)).singleElement().extracting(Finding::message).asString()
                .contains("log secret option splunk-token", "parameter/splunk-token");
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("EXEC-SECRETS-SSM")).containsSame(RULE.metadata());
    }
}
