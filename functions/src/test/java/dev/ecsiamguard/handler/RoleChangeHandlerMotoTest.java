package dev.ecsiamguard.handler;

import static dev.ecsiamguard.handler.RoleChangeFixture.ADMIN;
import static dev.ecsiamguard.handler.RoleChangeFixture.SECRETS_POLICY_ARN;
import static dev.ecsiamguard.handler.RoleChangeFixture.context;
import static dev.ecsiamguard.handler.RoleChangeFixture.event;
import static dev.ecsiamguard.handler.RoleChangeFixture.validated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.app.TaskDefinitionValidation;
import dev.ecsiamguard.app.rolechange.RoleChangeRevalidation;
import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The role-change function end to end against moto: the index fed by validations and service events, then one IAM
 * event re-judging the service's current revision and the families' latest revisions that use the changed role.
 */
class RoleChangeHandlerMotoTest {

    static final String ATTACH_ADMIN = "events/cloudtrail/iam-attach-role-policy-admin-to-task-role.json";
    static final String DETACH_SECRETS = "events/cloudtrail/iam-detach-role-policy.json";
    static final String NEW_POLICY_VERSION = "events/cloudtrail/iam-create-policy-version.json";
    static final String UNRELATED = "events/cloudtrail/iam-attach-role-policy.json";

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final RoleChangeFixture fixture = new RoleChangeFixture(moto, "us-east-1");
    private IamClient iam;
    private RoleChangeHandler handler;
    private String api;
    private String worker;
    private String service;

    /** payments-api:1 runs as a service; payments-worker:1 (no secrets, no task role) shares the execution role. */
    @BeforeEach
    void deployAndIndex() {
        moto.reset();
        AccountRoleLookup.forgetManagedPolicies();
        aws.deployApplicationBus();
        fixture.deployTable();
        iam = aws.clients().iam();
        RoleChangeFixture.createRoles(iam);
        api = fixture.register("payments-api", true);
        worker = fixture.register("payments-worker", false);
        service = fixture.createService("payments-api", api);
        handler = fixture.handler();
        assertThat(handler.handleRequest(event("events/cloudtrail/ecs-create-service.json"), context()))
                .containsEntry("status", "ok");
        assertThat(handler.handleRequest(validated(worker), context())).containsEntry("status", "ok");
        fixture.recorder.clear();
    }

    @Test
    void attachingAdministratorAccessToTheTaskRole_reportsTaskAdminForTheServicesRevision_andReplayPublishesNothing() {
        iam.attachRolePolicy(r -> r.roleName(ValidateTaskDefinitionHandlerMotoTest.TASK_ROLE).policyArn(ADMIN));

        Map<String, Object> result = handler.handleRequest(event(ATTACH_ADMIN), context());

        assertThat(result).containsEntry("status", "ok").containsEntry("passed", false);
        List<JsonNode> all = aws.publishedEvents().stream().map(Json::parse).toList();
        // The black-box validation publishes its usual event too; ours names the change.
        assertThat(all).extracting(e -> text(e, "detail-type")).containsExactlyInAnyOrder(
                RoleChangeRevalidation.DETAIL_TYPE, TaskDefinitionValidation.DETAIL_TYPE);
        JsonNode detail = all.stream().filter(e -> text(e, "detail-type").equals(RoleChangeRevalidation.DETAIL_TYPE))
                .findFirst().orElseThrow().field("detail").orElseThrow();
        assertThat(text(detail, "taskDefinitionArn")).isEqualTo(api);
        assertThat(ruleIds(detail)).contains("TASK-ADMIN");
        assertThat(detail.field("services").orElseThrow().asArray()).extracting(JsonNode::asString)
                .containsExactly(service);
        assertThat(detail.field("usedAs").orElseThrow().asArray()).extracting(JsonNode::asString)
                .containsExactly("task");
        JsonNode trigger = detail.field("trigger").orElseThrow();
        assertThat(text(trigger, "call")).isEqualTo("iam:AttachRolePolicy");
        assertThat(text(trigger, "by")).isEqualTo("arn:aws:sts::123456789012:assumed-role/PlatformEngineer/"
                + "platform-engineer");
        assertThat(text(trigger, "at")).isEqualTo("2026-11-25T11:01:00Z");
        System.out.println("role-change calls, relevant role (1 revision): " + result.get("awsCalls") + " "
                + fixture.recorder.calls());
        // The task role's change marker, at the event's time, for the role cache of every other function.
        assertThat(result).containsEntry("markers", List.of(ValidateTaskDefinitionHandlerMotoTest.TASK_ROLE));
        assertThat(aws.clients().dynamoDb().getItem(r -> r.tableName(RoleChangeFixture.TABLE).key(Map.of(
                "pk", AttributeValue.fromS("role#" + ValidateTaskDefinitionHandlerMotoTest.TASK_ROLE),
                "sk", AttributeValue.fromS("changed")))).item().get("changedAt").n())
                .isEqualTo(String.valueOf(java.time.Instant.parse("2026-11-25T11:01:00Z").toEpochMilli()));
        fixture.recorder.clear();

        Map<String, Object> replay = handler.handleRequest(event(ATTACH_ADMIN), context());

        assertThat(replay).containsEntry("status", "replay");
        assertThat(aws.publishedEvents()).isEmpty();
        // The change marker is read (it is already there: nothing written), then the index and the handled mark.
        assertThat(fixture.recorder.calls()).containsExactly("DynamoDb:BatchGetItem", "DynamoDb:Query",
                "DynamoDb:GetItem");
        System.out.println("role-change calls, replay: " + replay.get("awsCalls") + " " + fixture.recorder.calls());
    }

    @Test
    void detachingTheSecretsPolicyFromTheExecutionRole_reportsExecSecretsOnlyForTheRevisionThatInjectsSecrets() {
        iam.detachRolePolicy(r -> r.roleName(ValidateTaskDefinitionHandlerMotoTest.EXEC_ROLE)
                .policyArn(SECRETS_POLICY_ARN));

        Map<String, Object> result = handler.handleRequest(event(DETACH_SECRETS), context());

        assertThat(result).containsEntry("status", "ok");
        Map<String, JsonNode> byRevision = new java.util.HashMap<>();
        published(RoleChangeRevalidation.DETAIL_TYPE).forEach(d -> byRevision.put(text(d, "taskDefinitionArn"), d));
        assertThat(byRevision).containsOnlyKeys(api, worker);
        assertThat(ruleIds(byRevision.get(api))).contains("EXEC-SECRETS-SM");
        assertThat(ruleIds(byRevision.get(worker))).noneMatch(id -> id.startsWith("EXEC-SECRETS"));
        assertThat(text(byRevision.get(worker).field("trigger").orElseThrow(), "call"))
                .isEqualTo("iam:DetachRolePolicy");
        System.out.println("role-change calls, relevant role (2 revisions): " + result.get("awsCalls") + " "
                + fixture.recorder.calls());
    }

    @Test
    void aNewDefaultVersionOfAnAttachedPolicy_reJudgesTheRolesItIsAttachedTo() {
        String narrower = "{\"Version\":\"2012-10-17\",\"Statement\":[" + ValidateTaskDefinitionHandlerMotoTest
                .allow("arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/payments-api/cache-*",
                        "secretsmanager:GetSecretValue") + "]}";
        iam.createPolicyVersion(r -> r.policyArn(SECRETS_POLICY_ARN).policyDocument(narrower).setAsDefault(true));

        Map<String, Object> result = handler.handleRequest(event(NEW_POLICY_VERSION), context());

        assertThat(result).containsEntry("status", "ok").containsEntry("roles",
                List.of(ValidateTaskDefinitionHandlerMotoTest.EXEC_ROLE));
        assertThat(fixture.recorder.calls()).contains("Iam:ListEntitiesForPolicy");
        assertThat(published(RoleChangeRevalidation.DETAIL_TYPE)).filteredOn(d -> text(d, "taskDefinitionArn")
                .equals(api)).singleElement().satisfies(d -> assertThat(ruleIds(d)).contains("EXEC-SECRETS-SM"));
    }

    @Test
    void aChangeToARoleNoRevisionUses_publishesNothingAndOnlyMarksTheChangeAndLooksUpTheIndex() {
        Map<String, Object> result = handler.handleRequest(event(UNRELATED), context());

        assertThat(result).containsEntry("status", "unrelated");
        // Provisioning may hold a read of a role no revision uses yet: its marker moves all the same.
        assertThat(fixture.recorder.calls()).containsExactly("DynamoDb:BatchGetItem", "DynamoDb:PutItem",
                "DynamoDb:Query");
        assertThat(aws.publishedEvents()).isEmpty();
        System.out.println("role-change calls, unrelated role: " + result.get("awsCalls") + " "
                + fixture.recorder.calls());
    }

    @Test
    void indexEvents_whenReplayed_writeNothing() {
        Map<String, Object> again = handler.handleRequest(event("events/cloudtrail/ecs-update-service.json"),
                context());
        Map<String, Object> validatedAgain = handler.handleRequest(validated(api), context());

        assertThat(again).containsEntry("changes", List.of());
        assertThat(validatedAgain).containsEntry("changes", List.of());
        assertThat(fixture.recorder.writes()).isEmpty();
    }

    private List<JsonNode> published(String detailType) {
        return aws.publishedEvents().stream().map(Json::parse)
                .filter(e -> detailType.equals(text(e, "detail-type")))
                .map(e -> e.field("detail").orElseThrow()).toList();
    }

    private static List<String> ruleIds(JsonNode detail) {
        return detail.field("findings").orElseThrow().asArray().stream().map(f -> text(f, "ruleId")).toList();
    }

    private static String text(JsonNode node, String field) {
        return node.field(field).orElseThrow(() -> new AssertionError("no field " + field)).asString();
    }
}
