package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.aws.DynamoDbServiceSpecStore;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Request;
import dev.ecsiamguard.handler.Stacks.Stack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Roles written before specs existed (the single-region layout, with what an API request declared) converge to the
 * multi-region layout on the next event, adding before anything could be taken away.
 */
class UpgradePathMotoTest extends ApiHandlerMotoFixture {

    private static final String EXEC = "ecs-orders-execution-role";

    @Test
    void rolesOfTheEarlierLayout_keepEverythingAndGainTheNewRegion() throws Exception {
        // The earlier version knew only the exec and xray capabilities.
        var earlierRequest = loadEvent("apigw/post-service-roles.json");
        earlierRequest.setBody("{\"capabilities\":[\"exec\",\"xray\"],\"secretsManagerPrefix\":\"dev/orders/\"}");
        assertThat(handler().handleRequest(earlierRequest, context()).getStatusCode()).isEqualTo(200);
        String trustBefore = trust();
        String executionBefore = policy(EXEC, "ecs-iam-guard-execution");
        // The earlier version kept no spec: what it declared lives only in the roles' own documents.
        aws.clients().dynamoDb(Region.US_EAST_1).deleteItem(r -> r.tableName(DynamoDbServiceSpecStore.DEFAULT_TABLE)
                .key(Map.of("id", AttributeValue.builder().s(EXEC).build())));
        Stacks stacks = new Stacks(moto);
        Stack us = stacks.deploy("us-east-1", "dev");
        Stack eu = stacks.deploy("eu-west-1", "dev");
        stacks.createRepository("eu-west-1", "orders", Map.of());

        Map<String, JsonNode> usRedelivery = us.deliver("orders");
        assertThat(usRedelivery.get("changes").asArray()).as("same layout in one region: nothing to write").isEmpty();
        assertThat(us.recorder().writes()).containsExactly("DynamoDb:PutItem", "EventBridge:PutEvents",
                "DynamoDb:PutItem");

        Map<String, JsonNode> euFirst = eu.deliver("orders");

        assertThat(euFirst.get("status").asString()).isEqualTo("ok");
        assertThat(texts(euFirst.get("changes"))).allMatch(c -> c.startsWith("update trust policy")
                || c.startsWith("put inline policy ecs-iam-guard-execution") || c.contains("log group")
                || c.contains("cluster"));
        assertStillAllowed(trustBefore, executionBefore);
        assertThat(policy("ecs-orders-task-role", "ecs-iam-guard-task-capabilities")).contains("xray:PutTraceSegments",
                "ssmmessages:OpenDataChannel");
        assertThat(policy(EXEC, "ecs-iam-guard-execution")).contains(
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dev/orders/*",
                "arn:aws:ecr:eu-west-1:123456789012:repository/orders");
        us.recorder().clear();
        eu.recorder().clear();
        us.deliver("orders");
        eu.deliver("orders");
        assertThat(us.recorder().writes()).isEmpty();
        assertThat(eu.recorder().writes()).isEmpty();

        // The report reads the same spec: a two-region service shows no drift.
        var report = handler().handleRequest(loadEventText(read("apigw/get-service.json")
                .replace("payments-api", "orders")), context());
        assertThat(report.getStatusCode()).isEqualTo(200);
        assertThat(report.getBody()).doesNotContain("PROV-DRIFT-001").doesNotContain("PROV-UNMANAGED-001");
    }

    // Every request the earlier documents allowed is still allowed by the new ones.
    private void assertStillAllowed(String trustBefore, String executionBefore) {
        PolicyEvaluator before = PolicyEvaluator.of(new NamedPolicy("x",
                PolicyDocument.parseIdentity(executionBefore)));
        PolicyEvaluator after = PolicyEvaluator.of(new NamedPolicy("x", PolicyDocument.parseIdentity(
                policy(EXEC, "ecs-iam-guard-execution"))));
        for (Request request : List.of(
                Request.of("ecr:BatchGetImage", "arn:aws:ecr:us-east-1:123456789012:repository/orders"),
                Request.of("logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/orders:x"),
                Request.of("secretsmanager:GetSecretValue",
                        "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/orders/db-AbCdEf"))) {
            assertThat(before.evaluate(request.withCompleteContext()).isAllowed()).as(request.action()).isTrue();
            assertThat(after.evaluate(request.withCompleteContext()).isAllowed()).as(request.action()).isTrue();
        }
        assertThat(trust()).contains("arn:aws:ecs:us-east-1:123456789012:*", "arn:aws:ecs:eu-west-1:123456789012:*");
        assertThat(trustBefore).contains("arn:aws:ecs:us-east-1:123456789012:*");
    }

    private String trust() {
        return dev.ecsiamguard.aws.IamDocuments.decode(iam.getRole(r -> r.roleName(EXEC)).role()
                .assumeRolePolicyDocument());
    }
}
