package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.checkExec;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.deny;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import org.junit.jupiter.api.Test;

class ExecutionRoleNotOverbroadTest {

    private static final ExecutionRoleNotOverbroad RULE = new ExecutionRoleNotOverbroad();
    private static final TaskDefinition TD = td(container("\"image\":\"nginx\""));

    @Test
    void check_whenScopedToReferencedSecretAndAgentServices_passes() {
        assertThat(checkExec(RULE, TD, allow("*", "ecr:*", "logs:*"),
                allow("arn:aws:secretsmanager:eu-west-1:123456789012:secret:web/db-AbCdEf",
                        "secretsmanager:GetSecretValue"))).isEmpty();
    }

    @Test
    void check_whenSecretsReadableOnStar_reports() {
        var findings = checkExec(RULE, TD, allow("*", "secretsmanager:GetSecretValue", "kms:Decrypt"));

        assertThat(findings).singleElement().extracting(Finding::message).asString()
                .contains("secretsmanager:GetSecretValue", "kms:Decrypt").doesNotContain("ssm:");
    }

    @Test
    void check_whenOtherServiceWildcard_reportsService() {
        assertThat(checkExec(RULE, TD, allow("*", "s3:*"))).singleElement().extracting(Finding::message)
                .asString().contains("[s3]");
    }

    @Test
    void check_whenAdmin_reportsHigh() {
        assertThat(checkExec(RULE, TD, allow("*", "*"))).singleElement().extracting(Finding::severity)
                .isEqualTo(Severity.HIGH);
    }

    @Test
    void check_whenIamRightsReachAdmin_namesTheAdminPathAtHigh() {
        assertThat(checkExec(RULE, TD, allow("*", "iam:CreateRole", "iam:AttachRolePolicy"))).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.message()).contains("full administrative access").contains("IAM-CREATE-ROLE-ATTACH");
                });
    }

    @Test
    void check_whenAnEscalationPathIsOpen_namesItAtHigh_andADenyClosesIt() {
        assertThat(checkExec(RULE, TD, allow("*", "sts:AssumeRole"))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("may escalate").contains("STS-ASSUME-ANY");
        });
        assertThat(checkExec(RULE, TD, allow("*", "sts:AssumeRole"), deny("*", "sts:AssumeRole"))).isEmpty();
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("EXEC-OVERBROAD")).containsSame(RULE.metadata());
    }
}
