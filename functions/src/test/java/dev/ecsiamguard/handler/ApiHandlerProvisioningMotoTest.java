package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The API function's provisioning and describe routes end to end against moto, as `template.yaml` declares them;
 * write counts through a call recorder.
 */
class ApiHandlerProvisioningMotoTest extends ApiHandlerMotoFixture {

    @Test
    void provisionRoute_whenInvokedAsDeployed_createsWhatTheBodyAsksForAndReplaysAsNoOp() throws Exception {
        Response first = invoke(read("apigw/post-service-roles.json"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("status").asString()).isEqualTo("ok");
        assertThat(first.body().get("executionRoleArn").asString())
                .isEqualTo("arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-orders-execution-role");
        assertThat(texts(first.body().get("changes"))).contains("create role ecs-orders-execution-role",
                "create role ecs-orders-task-role", "create log group /ecs/dev/orders", "create cluster ecs-dev");
        assertThat(policy("ecs-orders-task-role", "ecs-iam-guard-task-capabilities"))
                .contains("ssmmessages:CreateControlChannel", "xray:PutTraceSegments");
        assertThat(policy("ecs-orders-execution-role", "ecs-iam-guard-execution"))
                .contains("arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/orders/*",
                        "arn:aws:ecr:us-east-1:123456789012:repository/orders");
        assertThat(aws.publishedEvents()).hasSize(1);

        Response replay = invoke(read("apigw/post-service-roles.json"));

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().get("changes").asArray()).isEmpty();
        assertThat(aws.publishedEvents()).isEmpty();
    }

    @Test
    void provisionRoute_whenReplayed_makesNoWriteCall() throws Exception {
        handler().handleRequest(loadEvent("apigw/post-service-roles.json"), context());
        recorder.clear();

        var replay = handler().handleRequest(loadEvent("apigw/post-service-roles.json"), context());

        assertThat(replay.getStatusCode()).isEqualTo(200);
        assertThat(recorder.calls()).isNotEmpty();
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void provisionRoute_whenBodyOmitsCapabilities_usesTheRepositoryOfTheServiceAndItsTag() throws Exception {
        var event = loadEventText(forService(read("apigw/post-service-roles.json"), "payments-api"));
        event.setBody(null);

        var response = handler().handleRequest(event, context());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Json.parse(response.getBody()).asObject().get("repository").asString()).isEqualTo("payments/api");
        assertThat(policy("ecs-payments-api-execution-role", "ecs-iam-guard-execution"))
                .contains("repository/payments/api");
        assertThat(policy("ecs-payments-api-task-role", "ecs-iam-guard-task-capabilities"))
                .contains("ssmmessages:OpenDataChannel").doesNotContain("xray");
    }

    @Test
    void provisionRoute_whenRequestInvalid_makesNoAwsCallAndWritesNothing() throws Exception {
        for (String file : List.of("invalid/apigw-post-service-roles-malformed-json.json",
                "invalid/apigw-post-service-roles-unknown-capability.json",
                "invalid/apigw-post-service-roles-foreign-account-queue.json",
                "invalid/apigw-post-service-roles-bad-service.json",
                "invalid/apigw-post-validations-too-large.json",
                "invalid/apigw-post-github-deploy-roles-wildcard-branch.json",
                "invalid/apigw-unknown-route.json")) {
            recorder.clear();
            var response = handler().handleRequest(loadEvent(file), context());

            assertThat(response.getStatusCode()).as(file).isBetween(400, 499);
            assertThat(recorder.calls()).as(file).isEmpty();
        }
        assertThat(iam.listRoles().roles()).isEmpty();
        assertThat(aws.clients().ecs().listClusters().clusterArns()).isEmpty();
    }

    @Test
    void provisionRoute_whenNoRepositoryMapsToTheService_answers404AndWritesNothing() throws Exception {
        Response response = invoke(forService(read("apigw/post-service-roles.json"), "billing"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("error").asObject().get("code").asString()).isEqualTo("repository_not_found");
        assertThat(iam.listRoles().roles()).isEmpty();
    }

    @Test
    void provisionRoute_whenTwoRequestsArriveAtOnce_bothSucceedWithOneSetOfResources() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> run = () -> {
            ApiHandler handler = handler();
            start.await();
            return handler.handleRequest(loadEvent("apigw/post-service-roles.json"), context()).getStatusCode();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(run);
            Future<Integer> second = pool.submit(run);
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactly(200, 200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(iam.listRoles().roles()).extracting(Role::roleName)
                .containsExactlyInAnyOrder("ecs-orders-execution-role", "ecs-orders-task-role");
    }

    @Test
    void describeRoute_whenNothingProvisioned_answers404() throws Exception {
        Response response = invoke(read("apigw/get-service.json"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("error").asObject().get("code").asString()).isEqualTo("service_not_found");
    }

    @Test
    void describeRoute_afterProvisioning_reportsRolesLogGroupClusterAndPassesWithoutWriting() throws Exception {
        var provision = loadEventText(forService(read("apigw/post-service-roles.json"), "payments-api"));
        provision.setBody(null);
        handler().handleRequest(provision, context());
        recorder.clear();

        var response = handler().handleRequest(loadEvent("apigw/get-service.json"), context());

        assertThat(response.getStatusCode()).isEqualTo(200);
        Map<String, JsonNode> body = Json.parse(response.getBody()).asObject();
        Map<String, JsonNode> execution = body.get("roles").asObject().get("execution").asObject();
        assertThat(execution.get("arn").asString())
                .isEqualTo("arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-payments-api-execution-role");
        assertThat(texts(execution.get("inlinePolicies"))).containsExactly("ecs-iam-guard-execution");
        assertThat(body.get("cluster").asObject().get("arn").asString()).endsWith(":cluster/ecs-dev");
        assertThat(body.get("logGroup").asObject().get("retentionDays").asNumber()).isEqualTo("30");
        Map<String, JsonNode> report = body.get("report").asObject();
        assertThat(report.get("findings").asArray()).isEmpty();
        assertThat(report.get("verdict").asString()).isEqualTo("pass");
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void describeRoute_whenChangedByHand_reportsDriftAndForeignPolicies() throws Exception {
        handler().handleRequest(loadEvent("apigw/post-service-roles.json"), context());
        iam.attachRolePolicy(r -> r.roleName("ecs-orders-task-role")
                .policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        aws.clients().logs().putRetentionPolicy(r -> r.logGroupName("/ecs/dev/orders").retentionInDays(7));
        iam.updateAssumeRolePolicy(r -> r.roleName("ecs-orders-task-role").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}"));
        String get = read("apigw/get-service.json").replace("payments-api", "orders");

        Response response = invoke(get);

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> findings = response.body().get("report").asObject().get("findings").asArray();
        assertThat(findings).extracting(f -> f.asObject().get("ruleId").asString())
                .contains("PROV-DRIFT-001", "PROV-UNMANAGED-001", "TRUST-CONFUSED-DEPUTY");
        assertThat(findings).filteredOn(f -> f.asObject().get("ruleId").asString().equals("TRUST-CONFUSED-DEPUTY"))
                .extracting(f -> f.asObject().get("resourceArn").asString())
                .containsExactly("arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-orders-task-role");
        assertThat(findings).extracting(f -> f.asObject().get("message").asString())
                .anyMatch(m -> m.contains("set retention of log group /ecs/dev/orders to 30 days"))
                .anyMatch(m -> m.contains("AmazonS3ReadOnlyAccess"));
    }
}
