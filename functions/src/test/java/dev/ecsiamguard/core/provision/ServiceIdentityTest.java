package dev.ecsiamguard.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceIdentityTest {

    private static final ProvisioningConfig DEFAULTS = ProvisioningConfig.fromEnvironment(Map.of());

    @Test
    void forRepository_whenJoinRule_joinsNamespaceIntoServiceName() {
        ServiceIdentity id = ServiceIdentity.forRepository("team/payments-api", DEFAULTS);

        assertThat(id.service()).isEqualTo("team-payments-api");
        assertThat(id.repositoryName()).isEqualTo("team/payments-api");
        assertThat(id.executionRoleName()).isEqualTo("ecs-team-payments-api-execution-role");
        assertThat(id.taskRoleName()).isEqualTo("ecs-team-payments-api-task-role");
        assertThat(id.logGroupName()).isEqualTo("/ecs/dev/team-payments-api");
    }

    @Test
    void forRepository_whenLastSegmentRule_usesOnlyLastSegment() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of("SERVICE_NAME_RULE", "last-segment"));

        ServiceIdentity id = ServiceIdentity.forRepository("org/team/payments-api", config);

        assertThat(id.service()).isEqualTo("payments-api");
        assertThat(id.repositoryName()).isEqualTo("org/team/payments-api");
        assertThat(id.executionRoleName()).isEqualTo("ecs-payments-api-execution-role");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Payments", "orders!", "/orders", "orders/", "team//orders", "a", "-orders"})
    void forRepository_whenNameIsNotAValidRepositoryName_rejects(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceIdentity.forRepository(name, DEFAULTS))
                .withMessageContaining("not a valid ECR repository name");
    }

    @Test
    void forRepository_whenNameIsLongerThan256_rejects() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of("SERVICE_NAME_RULE", "last-segment"));
        String at256 = "a".repeat(250) + "/short";
        String at257 = "a".repeat(251) + "/short";

        assertThat(ServiceIdentity.forRepository(at256, config).service()).isEqualTo("short");
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceIdentity.forRepository(at257, config))
                .withMessageContaining("not a valid ECR repository name");
    }

    @Test
    void forRepository_whenRoleNameWouldExceed64_rejectsNaming64() {
        String service = "s".repeat(46);

        assertThat(ServiceIdentity.forRepository("s".repeat(45), DEFAULTS).executionRoleName()).hasSize(64);
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceIdentity.forRepository(service, DEFAULTS))
                .withMessageContaining("65 characters").withMessageContaining("at most 64");
    }

    @Test
    void forRepository_whenCustomTemplates_expandsEachPlaceholder() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of("NAME_PREFIX", "acme",
                "ENVIRONMENT", "prod", "EXECUTION_ROLE_NAME", "{environment}-{service}-exec",
                "TASK_ROLE_NAME", "{prefix}.{service}.app",
                "LOG_GROUP_NAME", "/apps/{prefix}/{environment}/{service}"));

        ServiceIdentity id = ServiceIdentity.forRepository("orders", config);

        assertThat(id.executionRoleName()).isEqualTo("prod-orders-exec");
        assertThat(id.taskRoleName()).isEqualTo("acme.orders.app");
        assertThat(id.logGroupName()).isEqualTo("/apps/acme/prod/orders");
    }

    @Test
    void forRepository_whenExecutionAndTaskTemplatesAreEqual_rejects() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of("EXECUTION_ROLE_NAME", "{service}-role",
                "TASK_ROLE_NAME", "{service}-role"));

        assertThatIllegalArgumentException().isThrownBy(() -> ServiceIdentity.forRepository("orders", config))
                .withMessageContaining("orders-role").withMessageContaining("must differ");
    }

    @Test
    void forRepository_whenRoleTemplateMakesInvalidCharacters_rejects() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of("EXECUTION_ROLE_NAME", "{service} role"));

        assertThatIllegalArgumentException().isThrownBy(() -> ServiceIdentity.forRepository("orders", config))
                .withMessageContaining("not a valid IAM role name");
    }
}
