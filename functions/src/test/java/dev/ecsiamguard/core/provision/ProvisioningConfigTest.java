package dev.ecsiamguard.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvisioningConfigTest {

    @Test
    void fromEnvironment_whenEmpty_usesDefaults() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of());

        assertThat(config.namePrefix()).isEqualTo("ecs");
        assertThat(config.rolePath()).isEqualTo("/ecs-iam-guard/");
        assertThat(config.environment()).isEqualTo("dev");
        assertThat(config.clusterName()).isEqualTo("ecs-dev");
        assertThat(config.permissionsBoundaryArn()).isEmpty();
        assertThat(config.executionPolicyMode()).isEqualTo(ExecutionPolicyMode.SCOPED);
        assertThat(config.logRetentionDays()).isEqualTo(30);
        assertThat(config.secretsManagerPrefix()).isEmpty();
        assertThat(config.ssmParameterPrefix()).isEmpty();
        assertThat(config.serviceNameRule()).isEqualTo(ServiceNameRule.JOIN);
        assertThat(config.executionRoleTemplate()).isEqualTo("{prefix}-{service}-execution-role");
        assertThat(config.taskRoleTemplate()).isEqualTo("{prefix}-{service}-task-role");
        assertThat(config.logGroupTemplate()).isEqualTo("/ecs/{environment}/{service}");
    }

    @Test
    void fromEnvironment_whenValuesBlank_usesDefaults() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of("NAME_PREFIX", " ",
                "PERMISSIONS_BOUNDARY_ARN", "", "CLUSTER_NAME", "  "));

        assertThat(config.namePrefix()).isEqualTo("ecs");
        assertThat(config.permissionsBoundaryArn()).isEmpty();
        assertThat(config.clusterName()).isEqualTo("ecs-dev");
    }

    @Test
    void fromEnvironment_whenClusterNameUnset_derivesItFromPrefixAndEnvironment() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of("NAME_PREFIX", "acme",
                "ENVIRONMENT", "prod"));

        assertThat(config.clusterName()).isEqualTo("acme-prod");
    }

    @Test
    void fromEnvironment_whenClusterNameSet_usesIt() {
        assertThat(ProvisioningConfig.fromEnvironment(Map.of("CLUSTER_NAME", "shared_cluster")).clusterName())
                .isEqualTo("shared_cluster");
    }

    @Test
    void fromEnvironment_whenEveryValueSet_readsThemTrimmed() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of(
                "ROLE_PATH", " /teams/payments/ ",
                "PERMISSIONS_BOUNDARY_ARN", "arn:aws-us-gov:iam::123456789012:policy/boundary",
                "EXECUTION_POLICY_MODE", "MANAGED",
                "LOG_RETENTION_DAYS", "3653",
                "SECRETS_MANAGER_PREFIX", "{service}/",
                "SSM_PARAMETER_PREFIX", "/{service}/",
                "SERVICE_NAME_RULE", "last-segment"));

        assertThat(config.rolePath()).isEqualTo("/teams/payments/");
        assertThat(config.permissionsBoundaryArn()).contains("arn:aws-us-gov:iam::123456789012:policy/boundary");
        assertThat(config.executionPolicyMode()).isEqualTo(ExecutionPolicyMode.MANAGED);
        assertThat(config.logRetentionDays()).isEqualTo(3653);
        assertThat(config.secretsManagerPrefix()).contains("{service}/");
        assertThat(config.ssmParameterPrefix()).contains("/{service}/");
        assertThat(config.serviceNameRule()).isEqualTo(ServiceNameRule.LAST_SEGMENT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NAME_PREFIX              | -ecs",
        "NAME_PREFIX              | ecs_prefix",
        "ENVIRONMENT              | dev env",
        "ENVIRONMENT              | abcdefghijabcdefghijabcdefghijabc",
        "ROLE_PATH                | /ecs-iam-guard",
        "ROLE_PATH                | ecs-iam-guard/",
        "CLUSTER_NAME             | my.cluster",
        "LOG_RETENTION_DAYS       | 31",
        "LOG_RETENTION_DAYS       | thirty",
        "EXECUTION_POLICY_MODE    | bogus",
        "SERVICE_NAME_RULE        | first-segment",
        "PERMISSIONS_BOUNDARY_ARN | my-boundary",
        "PERMISSIONS_BOUNDARY_ARN | arn:aws:iam::123456789012:role/not-a-policy",
    })
    void fromEnvironment_whenValueInvalid_rejectsNamingTheVariable(String variable, String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProvisioningConfig.fromEnvironment(Map.of(variable, value)))
                .withMessageContaining("`" + variable + "`").withMessageContaining(value);
    }

    @Test
    void expand_always_fillsEveryPlaceholder() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of("NAME_PREFIX", "acme",
                "ENVIRONMENT", "prod"));

        assertThat(config.expand("{prefix}/{environment}/{service}/{service}", "orders"))
                .isEqualTo("acme/prod/orders/orders");
    }
}
