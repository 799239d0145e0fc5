package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.TaskDefinitionValidation;
import dev.ecsiamguard.app.ValidationConfig;
import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.TaskDefinitionRequests;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.iam.IamClient;

/** The validation function end to end against moto: registered revisions, real roles, the published report. */
class ValidateTaskDefinitionHandlerMotoTest {

    static final String EVENT = "events/cloudtrail/ecs-register-task-definition.json";
    static final String FAMILY_ONLY = "events/cloudtrail/ecs-register-task-definition-family-only.json";
    static final String TD_ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/payments-api:1";
    static final String EXEC_ROLE = "ecs-payments-api-execution-role";
    static final String TASK_ROLE = "ecs-payments-api-task-role";
    static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/payments-api/db-Q1w2E3";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{"
            + "\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"},"
            + "\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:ecs:us-east-1:123456789012:*\"}}}]}";

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final CallRecorder recorder = new CallRecorder();
    private IamClient iam;
    private EcsClient ecs;

    @BeforeEach
    void deploy() {
        moto.reset();
        aws.deployApplicationBus();
        iam = aws.clients().iam();
        ecs = aws.clients().ecs();
        AccountRoleLookup.forgetManagedPolicies();
    }

    /** The roles of the sample event, the execution role allowed to read the secret or not. */
    static void createRoles(IamClient iam, boolean execCanReadSecret) {
        List<String> statements = new java.util.ArrayList<>(List.of(
                allow("*", "ecr:GetAuthorizationToken"),
                allow("arn:aws:ecr:us-east-1:123456789012:repository/payments/api", "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer"),
                allow("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/payments-api:*",
                        "logs:CreateLogStream", "logs:PutLogEvents"),
                allow("arn:aws:ssm:us-east-1:123456789012:parameter/dev/payments-api/*", "ssm:GetParameters")));
        if (execCanReadSecret) {
            statements.add(allow(SECRET, "secretsmanager:GetSecretValue"));
        }
        role(iam, EXEC_ROLE, "execution", statements);
        role(iam, TASK_ROLE, "capabilities", List.of(allow("*", "ssmmessages:CreateControlChannel",
                "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel")));
    }

    static void role(IamClient iam, String name, String policyName, List<String> statements) {
        iam.createRole(r -> r.roleName(name).path("/ecs-iam-guard/").assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(r -> r.roleName(name).policyName(policyName).policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}"));
    }

    static String allow(String resource, String... actions) {
        return "{\"Effect\":\"Allow\",\"Action\":[\"" + String.join("\",\"", actions) + "\"],\"Resource\":\""
                + resource + "\"}";
    }

    /** Registers the revision exactly as the event's requestParameters describe it. */
    static String register(EcsClient ecs, String eventPath) {
        return registerFromText(ecs, read(eventPath));
    }

    /** Registers the revision a CloudTrail event's request describes. */
    static String registerFromText(EcsClient ecs, String event) {
        JsonNode detail = Json.parse(event).field("detail").orElseThrow();
        return ecs.registerTaskDefinition(TaskDefinitionRequests.fromCloudTrail(
                detail.field("requestParameters").orElseThrow())).taskDefinition().taskDefinitionArn();
    }

    static String read(String classpath) {
        try (var in = ValidateTaskDefinitionHandlerMotoTest.class.getClassLoader().getResourceAsStream(classpath)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void handleRequest_whenExecutionRoleCannotReadSecret_publishesFindingWithStatement() {
        createRoles(iam, false);
        assertThat(register(ecs, EVENT)).isEqualTo(TD_ARN);

        Map<String, Object> result = envHandler(Map.of()).handleRequest(event(EVENT), context());

        assertThat(result).containsEntry("status", "ok").containsEntry("passed", false);
        JsonNode detail = onlyPublishedDetail();
        assertThat(detail.field("taskDefinitionArn").orElseThrow().asString()).isEqualTo(TD_ARN);
        assertThat(detail.field("passed").orElseThrow().asBoolean()).isFalse();
        List<JsonNode> findings = detail.field("findings").orElseThrow().asArray();
        assertThat(findings).extracting(f -> f.field("ruleId").orElseThrow().asString())
                .containsExactly("EXEC-SECRETS-SM");
        JsonNode finding = findings.get(0);
        assertThat(finding.field("severity").orElseThrow().asString()).isEqualTo("HIGH");
        assertThat(Json.sameValue(finding.field("fix").orElseThrow().asString(), "{\"Effect\":\"Allow\",\"Action\":"
                + "\"secretsmanager:GetSecretValue\",\"Resource\":\"" + SECRET + "\"}")).isTrue();
        assertThat(detail.field("summary").orElseThrow().field("HIGH").orElseThrow().asNumber()).isEqualTo("1");
    }

    @Test
    void handleRequest_whenExecutionRoleCanReadEverything_reportsNothingAndPasses() {
        createRoles(iam, true);
        register(ecs, EVENT);

        Map<String, Object> result = envHandler(Map.of()).handleRequest(event(EVENT), context());

        assertThat(result).containsEntry("status", "ok").containsEntry("passed", true);
        JsonNode detail = onlyPublishedDetail();
        assertThat(detail.field("findings").orElseThrow().asArray()).isEmpty();
        assertThat(detail.field("passed").orElseThrow().asBoolean()).isTrue();
    }

    @Test
    void handleRequest_whenAuditMode_makesNoWriteButPutEvents() {
        createRoles(iam, false);
        register(ecs, EVENT);

        Map<String, Object> result = recordingHandler(Map.of("MODE", "audit", "DEREGISTER_NONCOMPLIANT", "true"))
                .handleRequest(event(EVENT), context());

        assertThat(result).containsEntry("passed", false).containsEntry("actions", List.of());
        assertThat(recorder.writes()).containsExactly("EventBridge:PutEvents");
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(TD_ARN).include(TaskDefinitionField.TAGS))
                .tags()).noneMatch(t -> t.key().equals(TaskDefinitionValidation.COMPLIANCE_TAG));
    }

    @Test
    void handleRequest_whenEnforceModeAndRevisionFails_tagsIt() {
        createRoles(iam, false);
        register(ecs, EVENT);

        Map<String, Object> result = recordingHandler(Map.of("MODE", "enforce")).handleRequest(event(EVENT), context());

        assertThat(result.get("actions").toString()).contains("NON_COMPLIANT").doesNotContain("deregistered");
        assertThat(recorder.writes()).containsExactly("Ecs:TagResource", "EventBridge:PutEvents");
        var described = ecs.describeTaskDefinition(r -> r.taskDefinition(TD_ARN).include(TaskDefinitionField.TAGS));
        assertThat(described.tags()).anyMatch(t -> t.key().equals("ecs-iam-guard:compliance")
                && t.value().equals("NON_COMPLIANT"));
        assertThat(described.taskDefinition().statusAsString()).isEqualTo("ACTIVE");
    }

    @Test
    void handleRequest_whenEnforceModeWithDeregister_deregistersFailingRevision() {
        createRoles(iam, false);
        register(ecs, EVENT);

        Map<String, Object> result = envHandler(Map.of("MODE", "enforce", "DEREGISTER_NONCOMPLIANT", "true"))
                .handleRequest(event(EVENT), context());

        assertThat(result.get("actions").toString()).contains("deregistered");
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(TD_ARN)).taskDefinition().statusAsString())
                .isEqualTo("INACTIVE");
    }

    @Test
    void handleRequest_whenEnforceModeAndRevisionPasses_changesNothing() {
        createRoles(iam, true);
        register(ecs, EVENT);

        recordingHandler(Map.of("MODE", "enforce", "DEREGISTER_NONCOMPLIANT", "true"))
                .handleRequest(event(EVENT), context());

        assertThat(recorder.writes()).containsExactly("EventBridge:PutEvents");
    }

    @Test
    void handleRequest_whenSecurityHubEnabled_importsFindingsAndSaysSo() {
        createRoles(iam, false);
        register(ecs, EVENT);

        Map<String, Object> result = envHandler(Map.of("SECURITY_HUB_ENABLED", "true"))
                .handleRequest(event(EVENT), context());

        assertThat(result.get("actions").toString()).contains("sent 1 findings to Security Hub");
        assertThat(onlyPublishedDetail().field("actions").orElseThrow().asArray()).hasSize(1);
    }

    @Test
    void handleRequest_whenEventHasOnlyTheFamily_validatesLatestRevisionAndReportsMissingRoles() {
        register(ecs, FAMILY_ONLY);

        Map<String, Object> result = envHandler(Map.of()).handleRequest(event(FAMILY_ONLY), context());

        assertThat(result).containsEntry("taskDefinitionArn",
                "arn:aws:ecs:us-east-1:123456789012:task-definition/orders-worker:1");
        List<JsonNode> findings = onlyPublishedDetail().field("findings").orElseThrow().asArray();
        assertThat(findings).filteredOn(f -> f.field("ruleId").orElseThrow().asString().equals("TD-ROLE-EXISTS"))
                .hasSize(2);
    }

    @Test
    void handleRequest_whenSecondEventInWarmInstance_readsAwsManagedPoliciesOnce() {
        createRoles(iam, true);
        iam.attachRolePolicy(r -> r.roleName(EXEC_ROLE)
                .policyArn("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
        register(ecs, EVENT);
        ValidateTaskDefinitionHandler handler = recordingHandler(Map.of());

        handler.handleRequest(event(EVENT), context());
        List<String> cold = recorder.calls();
        recorder.clear();
        handler.handleRequest(event(EVENT), context());
        List<String> warm = recorder.calls();

        assertThat(cold).contains("Iam:GetPolicy", "Iam:GetPolicyVersion");
        assertThat(warm).doesNotContain("Iam:GetPolicy", "Iam:GetPolicyVersion");
        assertThat(warm).hasSize(cold.size() - 2);
    }

    @Test
    void handleRequest_whenEventIsInvalid_rejectsWithoutAnyCall() {
        for (String file : List.of("events/invalid/ecs-register-task-definition-failed-call.json",
                "events/invalid/ecs-register-task-definition-no-family.json", "events/invalid/not-cloudtrail.json")) {
            recorder.clear();
            Map<String, Object> result = recordingHandler(Map.of()).handleRequest(event(file), context());

            assertThat(result).as(file).containsEntry("status", "rejected");
            assertThat((String) result.get("error")).as(file).isNotBlank();
            assertThat(recorder.calls()).as(file).isEmpty();
        }
    }

    @Test
    void handleRequest_whenRevisionIsUnknownToEcs_answersGoneWithoutPublishing() {
        Map<String, Object> result = envHandler(Map.of()).handleRequest(event(EVENT), context());

        assertThat(result).containsEntry("status", "gone");
        assertThat(aws.publishedEvents()).isEmpty();
    }

    private JsonNode onlyPublishedDetail() {
        List<String> published = aws.publishedEvents();
        assertThat(published).hasSize(1);
        JsonNode envelope = Json.parse(published.get(0));
        assertThat(envelope.field("detail-type").orElseThrow().asString())
                .isEqualTo(TaskDefinitionValidation.DETAIL_TYPE);
        return envelope.field("detail").orElseThrow();
    }

    /** As the local invoker builds it: from an environment map only. */
    private ValidateTaskDefinitionHandler envHandler(Map<String, String> config) {
        Map<String, String> env = new HashMap<>(moto.environment());
        env.putAll(config);
        return new ValidateTaskDefinitionHandler(env);
    }

    private ValidateTaskDefinitionHandler recordingHandler(Map<String, String> config) {
        Map<String, String> env = new HashMap<>(moto.environment());
        env.putAll(config);
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        return new ValidateTaskDefinitionHandler(new TaskDefinitionValidation(ValidationConfig.fromEnvironment(env),
                clients), "us-east-1");
    }

    private static ScheduledEvent event(String path) {
        return EventLoader.loadScheduledEvent(path);
    }

    private static LocalContext context() {
        return new LocalContext("ValidateTaskDefinitionFunction", 60, 1024,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }
}
