package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.app.ApiApplication;
import dev.ecsiamguard.app.ServiceFindings;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.IamDocuments;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.LocalInvoker;
import dev.ecsiamguard.local.SamTemplate;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The API function end to end against moto: invoked as `template.yaml` declares it, through the local invoker and
 * the Lambda runtime's serialization, for every route; write counts through a call recorder.
 */
class ApiHandlerMotoTest {

    private static final Path EVENTS = Path.of("..", "events");

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final CallRecorder recorder = new CallRecorder();
    private IamClient iam;

    @BeforeEach
    void deployAndCreateRepositories() {
        moto.reset();
        aws.deployApplicationBus();
        aws.createRepository("payments/api", Map.of("ecs-iam-guard:capabilities", "exec"));
        aws.createRepository("orders", Map.of());
        iam = aws.clients().iam();
    }

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

    @Test
    void validationRoutes_whenDocumentOrRegisteredRevision_judgeItWithTheAccountsRoles() throws Exception {
        Response document = invoke(read("apigw/post-validations.json"));
        Response unknownArn = invoke(read("apigw/post-validations-arn.json"));
        for (int revision = 1; revision <= 1; revision++) {
            aws.clients().ecs().registerTaskDefinition(r -> r.family("payments-api").requiresCompatibilities(
                    software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE).networkMode("awsvpc")
                    .cpu("256").memory("512")
                    .executionRoleArn("arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-payments-api-execution-role")
                    .containerDefinitions(c -> c.name("api").essential(true).memory(512)
                            .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/payments/api:1.0.0")));
        }

        Response byArn = invoke(read("apigw/post-validations-arn.json"));

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().get("verdict").asString()).isEqualTo("fail");
        assertThat(document.body().get("threshold").asString()).isEqualTo("HIGH");
        assertThat(document.body().get("findings").asArray()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.asObject()).containsKeys("ruleId", "severity", "message", "fix"));
        assertThat(document.body().toString()).doesNotContain("hunter2");
        assertThat(unknownArn.status()).isEqualTo(404);
        assertThat(byArn.status()).isEqualTo(200);
        assertThat(byArn.body().get("subject").asString())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/payments-api:1");
        assertThat(byArn.body().get("findings").asArray()).extracting(f -> f.asObject().get("ruleId").asString())
                .contains("TD-ROLE-EXISTS");
        assertThat(byArn.body().get("verdict").asString()).isEqualTo("fail");
        assertThat(iam.listRoles().roles()).isEmpty();
    }

    @Test
    void deployRoleRoute_whenRequested_createsProviderAndPinnedRoleAndReplaysAsNoOp() throws Exception {
        Response first = invoke(read("apigw/post-github-deploy-roles.json"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(texts(first.body().get("changes"))).anyMatch(c -> c.contains("ecs-payments-api-github-deploy"));
        String trust = IamDocuments.decode(iam.getRole(r -> r.roleName("ecs-payments-api-github-deploy")).role()
                .assumeRolePolicyDocument());
        assertThat(trust).contains("repo:acme@123456/payments-api@789012:ref:refs/heads/main",
                "repo:acme@123456/payments-api@789012:environment:production", "sts.amazonaws.com");
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).hasSize(1);

        recorder.clear();
        var replay = handler().handleRequest(loadEvent("apigw/post-github-deploy-roles.json"), context());

        assertThat(replay.getStatusCode()).isEqualTo(200);
        assertThat(Json.parse(replay.getBody()).asObject().get("changes").asArray()).isEmpty();
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void deployRoleRoute_whenServiceIsConfiguredForAnotherRepository_answers409AndWritesNothing() throws Exception {
        String configured = "[{\"service\":\"payments-api\",\"repository\":\"acme/payments-monorepo\","
                + "\"branches\":[\"main\"],\"ecrRepository\":\"payments/api\"}]";

        Response response = invoke(read("apigw/post-github-deploy-roles.json"),
                Map.of("GITHUB_DEPLOYMENTS", configured));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().get("error").asObject().get("message").asString())
                .contains("acme/payments-monorepo", "GitHubDeployments");
        assertThat(iam.listRoles().roles()).isEmpty();
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
    }

    private record Response(int status, Map<String, JsonNode> body) {
    }

    private Response invoke(String eventJson) throws Exception {
        return invoke(eventJson, Map.of());
    }

    private Response invoke(String eventJson, Map<String, String> overrides) throws Exception {
        SamTemplate.Function function = SamTemplate.load(Path.of("..", "template.yaml"), Map.of(), "us-east-1")
                .function("ApiFunction");
        Map<String, String> env = LocalInvoker.environment(function, moto.environment(), overrides);
        String out = LocalInvoker.invokeInProcess(function, env, eventJson,
                new PrintStream(OutputStream.nullOutputStream()));
        Map<String, JsonNode> response = Json.parse(out).asObject();
        return new Response(Integer.parseInt(response.get("statusCode").asNumber()),
                Json.parse(response.get("body").asString()).asObject());
    }

    private ApiHandler handler() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(moto.environment());
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        return new ApiHandler(new ApiApplication(config, clients, LocalAws.BUS, Severity.HIGH,
                ApiApplication.DEFAULT_MAX_REQUEST_BYTES, ServiceFindings.NONE));
    }

    // The sample provisioning request names service `orders` in its path and path parameters.
    private static String forService(String json, String service) {
        return json.replace("/orders/", "/" + service + "/")
                .replace("\"service\": \"orders\"", "\"service\": \"" + service + "\"");
    }

    private static String read(String file) throws Exception {
        return Files.readString(EVENTS.resolve(file));
    }

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent loadEvent(String file) {
        return com.amazonaws.services.lambda.runtime.tests.EventLoader.loadApiGatewayRestEvent("events/" + file);
    }

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent loadEventText(String json)
            throws Exception {
        Path file = Files.createTempFile("apigw-", ".json");
        Files.writeString(file, json);
        return com.amazonaws.services.lambda.runtime.tests.EventLoader.loadApiGatewayRestEvent(file.toString());
    }

    private String policy(String role, String name) {
        return IamDocuments.decode(iam.getRolePolicy(r -> r.roleName(role).policyName(name)).policyDocument());
    }

    private static List<String> texts(JsonNode array) {
        return array.asArray().stream().map(JsonNode::asString).toList();
    }

    private static LocalContext context() {
        return new LocalContext("ApiFunction", 29, 1024, new PrintStream(OutputStream.nullOutputStream()));
    }
}
