package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.checkTask;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.deny;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import org.junit.jupiter.api.Test;

/** TASK-SECRETS-WILDCARD: reading secrets, parameters or keys nobody named, decided on probes by the engine. */
class TaskRoleSecretsScopedTest {

    private static final TaskRoleSecretsScoped RULE = new TaskRoleSecretsScoped();
    private static final TaskDefinition TD = td(container("\"image\":\"nginx\""));
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:web/db-AbCdEf";

    @Test
    void check_whenGetSecretValueOnStar_reportsTheActionsThatReachEverySecret() {
        assertThat(checkTask(RULE, TD, allow("*", "secretsmanager:GetSecretValue", "logs:*", "cloudwatch:*")))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule().id()).isEqualTo("TASK-SECRETS-WILDCARD");
                    assertThat(f.message()).contains("secretsmanager:GetSecretValue").doesNotContain("kms:Decrypt");
                });
    }

    @Test
    void check_whenSsmAndKmsOnAnyResourceOfTheService_reportsBoth() {
        assertThat(checkTask(RULE, TD, allow("arn:aws:ssm:*:123456789012:parameter/*", "ssm:GetParameters"),
                allow("arn:aws:kms:*:*:key/*", "kms:Decrypt"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ssm:GetParameters", "kms:Decrypt"));
    }

    @Test
    void check_whenOnlyTheNamedSecret_passes() {
        assertThat(checkTask(RULE, TD, allow(SECRET, "secretsmanager:GetSecretValue"))).isEmpty();
    }

    @Test
    void check_whenAnExplicitDenyLimitsTheWildcard_passes() {
        assertThat(checkTask(RULE, TD, allow("*", "secretsmanager:GetSecretValue"),
                deny("*", "secretsmanager:GetSecretValue"))).isEmpty();
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TASK-SECRETS-WILDCARD")).containsSame(RULE.metadata());
    }
}
