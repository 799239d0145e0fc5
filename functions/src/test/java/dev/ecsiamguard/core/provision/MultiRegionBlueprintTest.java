package dev.ecsiamguard.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Principal;
import dev.ecsiamguard.core.policy.Request;
import dev.ecsiamguard.core.spec.ServiceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the policy engine proves about roles computed from a two-region spec: pull only from this service's
 * repositories in its regions, logs only to its log groups, assumable only by ECS tasks of this account in those
 * regions.
 */
class MultiRegionBlueprintTest {

    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-orders-execution-role";

    private final ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of());
    private final ServiceIdentity id = ServiceIdentity.forRepository("orders", config);
    private final ServiceSpec spec = ServiceSpec.empty(id.executionRoleName(), "orders", "dev")
            .withRegion("us-east-1", "orders").withRegion("eu-west-1", "orders")
            .withSecretsManagerPrefixes(List.of("dev/orders/"))
            .withExecutionGrant("arn:aws:ssm:eu-west-1:123456789012:parameter/shared/db-host");
    private final DesiredService desired = new ServiceBlueprint(config, AccountScope.of(ACCOUNT, "eu-west-1"))
            .desired(id, spec);

    @Test
    void executionRole_pullsOnlyThisServicesRepositoriesInItsRegions() {
        PolicyEvaluator execution = execution();
        for (String region : List.of("us-east-1", "eu-west-1")) {
            assertThat(allowed(execution, "ecr:BatchGetImage", "arn:aws:ecr:" + region + ":" + ACCOUNT
                    + ":repository/orders")).as(region).isTrue();
        }
        assertThat(allowed(execution, "ecr:BatchGetImage", "arn:aws:ecr:ap-south-1:" + ACCOUNT
                + ":repository/orders")).isFalse();
        assertThat(allowed(execution, "ecr:BatchGetImage", "arn:aws:ecr:us-east-1:" + ACCOUNT
                + ":repository/payments")).isFalse();
        assertThat(allowed(execution, "ecr:BatchGetImage", "arn:aws:ecr:us-east-1:210987654321:repository/orders"))
                .isFalse();
        assertThat(allowed(execution, "ecr:PutImage", "arn:aws:ecr:us-east-1:" + ACCOUNT + ":repository/orders"))
                .isFalse();
    }

    @Test
    void executionRole_writesOnlyToItsLogGroupsAndReadsOnlyItsSecrets() {
        PolicyEvaluator execution = execution();
        for (String region : List.of("us-east-1", "eu-west-1")) {
            assertThat(allowed(execution, "logs:PutLogEvents", "arn:aws:logs:" + region + ":" + ACCOUNT
                    + ":log-group:/ecs/dev/orders:log-stream:ecs/app/1")).as(region).isTrue();
            assertThat(allowed(execution, "secretsmanager:GetSecretValue", "arn:aws:secretsmanager:" + region
                    + ":" + ACCOUNT + ":secret:dev/orders/db-AbCdEf")).as(region).isTrue();
        }
        assertThat(allowed(execution, "logs:PutLogEvents", "arn:aws:logs:us-east-1:" + ACCOUNT
                + ":log-group:/ecs/prod/orders:log-stream:x")).isFalse();
        assertThat(allowed(execution, "logs:PutLogEvents", "arn:aws:logs:ap-south-1:" + ACCOUNT
                + ":log-group:/ecs/dev/orders:log-stream:x")).isFalse();
        assertThat(allowed(execution, "secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:"
                + ACCOUNT + ":secret:prod/orders/db-AbCdEf")).isFalse();
        assertThat(allowed(execution, "ssm:GetParameters", "arn:aws:ssm:eu-west-1:" + ACCOUNT
                + ":parameter/shared/db-host")).isTrue();
        assertThat(allowed(execution, "ssm:GetParameters", "arn:aws:ssm:eu-west-1:" + ACCOUNT
                + ":parameter/shared/other")).isFalse();
    }

    @Test
    void trust_letsOnlyEcsTasksOfThisAccountInTheSpecsRegionsAssumeIt() {
        for (DesiredRole role : List.of(desired.executionRole(), desired.taskRole())) {
            PolicyEvaluator trust = PolicyEvaluator.of(new NamedPolicy("trust",
                    PolicyDocument.parseTrust(role.trustPolicy())));
            assertThat(assume(trust, "ecs-tasks.amazonaws.com", ACCOUNT, "us-east-1")).isTrue();
            assertThat(assume(trust, "ecs-tasks.amazonaws.com", ACCOUNT, "eu-west-1")).isTrue();
            assertThat(assume(trust, "ecs-tasks.amazonaws.com", ACCOUNT, "ap-south-1")).isFalse();
            assertThat(assume(trust, "ecs-tasks.amazonaws.com", "210987654321", "us-east-1")).isFalse();
            assertThat(assume(trust, "ec2.amazonaws.com", ACCOUNT, "us-east-1")).isFalse();
        }
    }

    @Test
    void logGroupAndCluster_areThisStacksRegionalOnes() {
        assertThat(desired.logGroup().name()).isEqualTo("/ecs/dev/orders");
        assertThat(desired.cluster().name()).isEqualTo("ecs-dev");
        assertThat(desired.executionRole().tags()).containsEntry("Environment", "dev");
    }

    private PolicyEvaluator execution() {
        return PolicyEvaluator.of(new NamedPolicy(ServiceBlueprint.EXECUTION_POLICY_NAME, PolicyDocument
                .parseIdentity(desired.executionRole().inlinePolicies().get(ServiceBlueprint.EXECUTION_POLICY_NAME))));
    }

    private static boolean allowed(PolicyEvaluator evaluator, String action, String resource) {
        return evaluator.evaluate(Request.of(action, resource).withCompleteContext()).isAllowed();
    }

    // An ECS task of `account` in `region` asks to assume the role (the context ECS sends on the task's behalf).
    private static boolean assume(PolicyEvaluator trust, String service, String account, String region) {
        Request request = Request.of("sts:AssumeRole", ROLE).withPrincipal(Principal.service(service))
                .with("aws:SourceAccount", account)
                .with("aws:SourceArn", "arn:aws:ecs:" + region + ":" + account + ":task/ecs-dev/0123456789abcdef")
                .withCompleteContext();
        return trust.evaluate(request).isAllowed();
    }
}
