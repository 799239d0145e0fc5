package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.checkExec;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import org.junit.jupiter.api.Test;

class ExecutionRoleCanReadRegistryCredentialsTest {

    private static final ExecutionRoleCanReadRegistryCredentials RULE = new ExecutionRoleCanReadRegistryCredentials();
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dockerhub-Ab12Cd";
    private static final TaskDefinition TD = td(container("\"image\":\"docker.io/acme/web:1\","
            + "\"repositoryCredentials\":{\"credentialsParameter\":\"" + SECRET + "\"}"));

    @Test
    void check_whenRoleReadsCredentials_passes() {
        assertThat(checkExec(RULE, TD, allow(SECRET, "secretsmanager:GetSecretValue"))).isEmpty();
    }

    @Test
    void check_whenRoleCannotReadCredentials_reportsStatement() {
        assertThat(checkExec(RULE, TD)).singleElement().satisfies(f -> assertThat(f.fix()).isEqualTo(
                "{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"" + SECRET + "\"}"));
    }

    @Test
    void check_whenCredentialsGivenByName_buildsPartialSecretArnInOwnRegion() {
        TaskDefinition byName = td(container("\"repositoryCredentials\":{\"credentialsParameter\":\"dockerhub\"}"));

        assertThat(checkExec(RULE, byName)).singleElement().satisfies(f -> assertThat(f.fix())
                .contains("arn:aws:secretsmanager:eu-west-1:123456789012:secret:dockerhub-??????"));
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("EXEC-PRIVATE-REGISTRY")).containsSame(RULE.metadata());
    }
}
