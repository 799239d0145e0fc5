package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.checkExec;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import org.junit.jupiter.api.Test;

class ExecutionRoleCanReadSecretsTest {

    private static final ExecutionRoleCanReadSecrets RULE = new ExecutionRoleCanReadSecrets();
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf";

    private static TaskDefinition withSecret(String valueFrom) {
        return td(container("\"secrets\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":\"" + valueFrom + "\"}]"));
    }

    @Test
    void check_whenRoleCanReadTheBaseSecret_passesEvenWithJsonKeySuffix() {
        assertThat(checkExec(RULE, withSecret(SECRET + ":password::"), allow(SECRET, "secretsmanager:GetSecretValue")))
                .isEmpty();
    }

    @Test
    void check_whenRoleCannotReadSecret_reportsBaseArnStatementAndKmsNote() {
        var findings = checkExec(RULE, withSecret(SECRET + ":password:AWSPREVIOUS:"),
                allow("arn:aws:secretsmanager:eu-west-1:123456789012:secret:other-*", "secretsmanager:GetSecretValue"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.fix()).isEqualTo("{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\","
                    + "\"Resource\":\"" + SECRET + "\"}");
            assertThat(f.message()).contains("secret DB_PASSWORD of container app", "kms:Decrypt",
                    "can be seen here").doesNotContain("password:");
        });
    }

    @Test
    void check_whenPartialArn_fixUsesSixCharacterPattern() {
        var findings = checkExec(RULE, withSecret("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db"));

        assertThat(findings).singleElement().extracting(Finding::fix).asString()
                .contains("secret:db-??????");
    }

    @Test
    void check_whenAllowDependsOnUnknownConditionKey_reportsUndecidedInsteadOfGuessing() {
        String conditional = "{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}}";

        var findings = checkExec(RULE, withSecret(SECRET), conditional);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).containsIgnoringCase("aws:SourceVpce").contains("cannot be known");
        });
    }

    @Test
    void check_whenExplicitDenyOverridesAllow_reports() {
        var findings = checkExec(RULE, withSecret(SECRET), allow("*", "secretsmanager:GetSecretValue"),
                RoleFixtures.deny(SECRET, "secretsmanager:*"));

        assertThat(findings).hasSize(1);
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("EXEC-SECRETS-SM")).containsSame(RULE.metadata());
    }
}
