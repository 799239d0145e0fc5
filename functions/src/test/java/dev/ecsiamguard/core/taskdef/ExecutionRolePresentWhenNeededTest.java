package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionRolePresentWhenNeededTest {

    private final ExecutionRolePresentWhenNeeded rule = new ExecutionRolePresentWhenNeeded();

    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf";

    @Test
    void check_whenExecutionRoleSet_passes() {
        assertThat(check(rule, with(container("web").secret("DB", SECRET)))).isEmpty();
    }

    @Test
    void check_whenNoRoleAndNothingNeedsOne_passes() {
        TaskDefinition td = td().executionRole(null).compatibilities("EC2")
                .container(container("web").image("nginx:1.27")).build();

        assertThat(check(rule, td)).isEmpty();
    }

    @Test
    void check_whenSecretsWithoutExecutionRole_reportsHighNamingNeedAndContainer() {
        List<Finding> findings = check(rule, td().executionRole(null).compatibilities("EC2")
                .container(container("web").image("nginx:1.27").secret("DB", SECRET)).build());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).isEqualTo("Task definition web-app:3 has no execution role, but secrets in "
                    + "container web needs one.");
        });
    }

    @Test
    void check_whenFargateWithEcrAndAwslogs_listsEveryNeed() {
        List<Finding> findings = check(rule, td().executionRole(null)
                .container(container("web").repositoryCredentials("creds").envFile("arn:aws:s3:::b/app.env"))
                .container(container("sidecar"))
                .build());

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                "Task definition web-app:3 has no execution role, but repositoryCredentials, environmentFiles, "
                        + "the awslogs driver on Fargate, a private ECR image on Fargate in containers web, sidecar "
                        + "need one."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void check_whenExecutionRoleBlank_treatsItAsMissing(String role) {
        assertThat(check(rule, td().executionRole(role).build())).hasSize(1);
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("EXEC-ROLE-MISSING")).containsSame(rule.metadata());
    }
}
