package dev.ecsiamguard.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class ServiceBlueprintTest {

    private static final String ACCOUNT = "123456789012";

    @Test
    void trustPolicy_whenInCommercialRegion_allowsEcsTasksOfThisAccountAndRegionOnly() {
        Map<String, JsonNode> statement = onlyStatement(blueprint(Map.of(), "eu-west-1").trustPolicy());

        assertThat(statement.get("Effect").text()).isEqualTo("Allow");
        assertThat(statement.get("Principal").asObject().get("Service").text()).isEqualTo("ecs-tasks.amazonaws.com");
        assertThat(statement.get("Action").text()).isEqualTo("sts:AssumeRole");
        Map<String, JsonNode> condition = statement.get("Condition").asObject();
        assertThat(condition.get("StringEquals").asObject().get("aws:SourceAccount").text()).isEqualTo(ACCOUNT);
        assertThat(condition.get("ArnLike").asObject().get("aws:SourceArn").text())
                .isEqualTo("arn:aws:ecs:eu-west-1:123456789012:*");
    }

    @Test
    void trustPolicy_whenInChinaRegion_usesAwsCnPartition() {
        Map<String, JsonNode> statement = onlyStatement(blueprint(Map.of(), "cn-north-1").trustPolicy());

        assertThat(statement.get("Condition").asObject().get("ArnLike").asObject().get("aws:SourceArn").text())
                .isEqualTo("arn:aws-cn:ecs:cn-north-1:123456789012:*");
    }

    @Test
    void desired_whenScoped_grantsPullOnRepositoryAndLogsOnLogGroupOnly() {
        DesiredService service = desired(Map.of(), "us-east-1", "payments/api", Set.of());

        Map<String, Map<String, JsonNode>> bySid = statementsBySid(
                service.executionRole().inlinePolicies().get(ServiceBlueprint.EXECUTION_POLICY_NAME));
        assertThat(bySid).containsOnlyKeys("EcrAuthorizationToken", "EcrPullServiceRepository",
                "LogsServiceLogGroup");
        assertThat(actions(bySid.get("EcrAuthorizationToken"))).containsExactly("ecr:GetAuthorizationToken");
        assertThat(bySid.get("EcrAuthorizationToken").get("Resource").text()).isEqualTo("*");
        assertThat(actions(bySid.get("EcrPullServiceRepository"))).containsExactlyInAnyOrder(
                "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage");
        assertThat(bySid.get("EcrPullServiceRepository").get("Resource").text())
                .isEqualTo("arn:aws:ecr:us-east-1:123456789012:repository/payments/api");
        assertThat(actions(bySid.get("LogsServiceLogGroup")))
                .containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(bySid.get("LogsServiceLogGroup").get("Resource").text())
                .isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/payments-api:*");
        assertThat(service.executionRole().managedPolicyArns()).isEmpty();
    }

    @Test
    void desired_whenManaged_attachesPartitionsManagedPolicyWithoutPullStatements() {
        DesiredService service = desired(Map.of("EXECUTION_POLICY_MODE", "managed"), "cn-north-1", "orders",
                Set.of());

        assertThat(service.executionRole().managedPolicyArns()).containsExactly(
                "arn:aws-cn:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
        assertThat(service.executionRole().inlinePolicies()).isEmpty();
    }

    @Test
    void desired_whenManagedWithSecretsPrefix_inlinesOnlyTheSecretsStatement() {
        DesiredService service = desired(Map.of("EXECUTION_POLICY_MODE", "managed",
                "SECRETS_MANAGER_PREFIX", "{environment}/{service}/"), "us-east-1", "orders", Set.of());

        Map<String, Map<String, JsonNode>> bySid = statementsBySid(
                service.executionRole().inlinePolicies().get(ServiceBlueprint.EXECUTION_POLICY_NAME));
        assertThat(bySid).containsOnlyKeys("ReadServiceSecrets");
        assertThat(actions(bySid.get("ReadServiceSecrets"))).containsExactly("secretsmanager:GetSecretValue");
        assertThat(bySid.get("ReadServiceSecrets").get("Resource").text())
                .isEqualTo("arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/orders/*");
    }

    @Test
    void desired_whenSsmPrefixHasLeadingSlash_buildsParameterArnWithoutDoubleSlash() {
        Map<String, String> env = new HashMap<>();
        env.put("SSM_PARAMETER_PREFIX", "/{environment}/{service}/");
        env.put("ENVIRONMENT", "prod");
        DesiredService service = desired(env, "us-east-1", "team/orders", Set.of());

        Map<String, JsonNode> ssm = statementsBySid(service.executionRole().inlinePolicies()
                .get(ServiceBlueprint.EXECUTION_POLICY_NAME)).get("ReadServiceParameters");
        assertThat(actions(ssm)).containsExactly("ssm:GetParameters");
        assertThat(ssm.get("Resource").text())
                .isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/prod/team-orders/*");
    }

    @Test
    void desired_whenSsmPrefixHasNoLeadingSlash_keepsItAsIs() {
        DesiredService service = desired(Map.of("SSM_PARAMETER_PREFIX", "apps/{service}/"), "us-east-1", "orders",
                Set.of());

        Map<String, JsonNode> ssm = statementsBySid(service.executionRole().inlinePolicies()
                .get(ServiceBlueprint.EXECUTION_POLICY_NAME)).get("ReadServiceParameters");
        assertThat(ssm.get("Resource").text()).isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/apps/orders/*");
    }

    @Test
    void desired_whenExecAndXrayRequested_grantsBothOnTaskRole() {
        DesiredService service = desired(Map.of(), "us-east-1", "orders",
                Set.of(TaskRoleCapability.EXEC, TaskRoleCapability.XRAY));

        Map<String, Map<String, JsonNode>> bySid = statementsBySid(
                service.taskRole().inlinePolicies().get(ServiceBlueprint.TASK_POLICY_NAME));
        assertThat(bySid).containsOnlyKeys("EcsExec", "XRay");
        assertThat(actions(bySid.get("EcsExec")))
                .containsExactlyInAnyOrderElementsOf(TaskRoleCapability.EXEC.actions());
        assertThat(actions(bySid.get("XRay"))).containsExactlyInAnyOrderElementsOf(TaskRoleCapability.XRAY.actions());
        assertThat(service.taskRole().managedPolicyArns()).isEmpty();
    }

    @Test
    void desired_whenNoCapabilities_taskRoleHasNoInlinePolicy() {
        DesiredService service = desired(Map.of(), "us-east-1", "orders", Set.of());

        assertThat(service.taskRole().inlinePolicies()).isEmpty();
        assertThat(service.taskRole().trustPolicy()).isEqualTo(service.executionRole().trustPolicy());
    }

    @Test
    void desired_always_tagsResourcesAndUsesConfiguredNames() {
        Map<String, String> env = Map.of("ENVIRONMENT", "prod", "NAME_PREFIX", "acme", "LOG_RETENTION_DAYS", "90",
                "ROLE_PATH", "/svc/", "PERMISSIONS_BOUNDARY_ARN", "arn:aws:iam::123456789012:policy/b");
        DesiredService service = desired(env, "us-east-1", "payments/api", Set.of());

        Map<String, String> serviceTags = Map.of("ManagedBy", "ecs-iam-guard", "Service", "payments-api",
                "Environment", "prod");
        assertThat(service.executionRole().tags()).isEqualTo(serviceTags);
        assertThat(service.taskRole().tags()).isEqualTo(serviceTags);
        assertThat(service.logGroup().tags()).isEqualTo(serviceTags);
        assertThat(service.cluster().tags()).isEqualTo(Map.of("ManagedBy", "ecs-iam-guard", "Environment", "prod"));
        assertThat(service.executionRole().path()).isEqualTo("/svc/");
        assertThat(service.taskRole().boundaryArn()).contains("arn:aws:iam::123456789012:policy/b");
        assertThat(service.logGroup().name()).isEqualTo("/ecs/prod/payments-api");
        assertThat(service.logGroup().retentionDays()).isEqualTo(90);
        assertThat(service.cluster().name()).isEqualTo("acme-prod");
        assertThat(service.cluster().capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(service.cluster().containerInsights()).isTrue();
    }

    private static ServiceBlueprint blueprint(Map<String, String> env, String region) {
        return new ServiceBlueprint(ProvisioningConfig.fromEnvironment(env), AccountScope.of(ACCOUNT, region));
    }

    private static DesiredService desired(Map<String, String> env, String region, String repository,
                                          Set<TaskRoleCapability> capabilities) {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(env);
        return new ServiceBlueprint(config, AccountScope.of(ACCOUNT, region))
                .desired(ServiceIdentity.forRepository(repository, config), capabilities);
    }

    private static Map<String, JsonNode> onlyStatement(String policy) {
        Map<String, JsonNode> document = Json.parse(policy).asObject();
        assertThat(document.get("Version").text()).isEqualTo("2012-10-17");
        List<JsonNode> statements = document.get("Statement").asArray();
        assertThat(statements).hasSize(1);
        return statements.get(0).asObject();
    }

    private static Map<String, Map<String, JsonNode>> statementsBySid(String policy) {
        assertThat(policy).isNotNull();
        Map<String, Map<String, JsonNode>> bySid = Json.parse(policy).asObject().get("Statement").asArray().stream()
                .map(JsonNode::asObject).collect(Collectors.toMap(s -> s.get("Sid").text(), s -> s));
        assertThat(bySid.values()).allSatisfy(s -> assertThat(s.get("Effect").text()).isEqualTo("Allow"));
        return bySid;
    }

    private static List<String> actions(Map<String, JsonNode> statement) {
        JsonNode action = statement.get("Action");
        return action.isArray() ? action.asArray().stream().map(JsonNode::text).toList() : List.of(action.text());
    }
}
