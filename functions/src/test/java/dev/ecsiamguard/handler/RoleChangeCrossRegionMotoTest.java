package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.local.LocalInvoker;
import dev.ecsiamguard.local.LocalTables;
import dev.ecsiamguard.local.SamTemplate;
import dev.ecsiamguard.testing.MotoServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Two regional stacks in one moto account: the us-east-1 stack's RoleChangeForwardRule (as template.yaml resolves it
 * for ForwardRoleChangesToRegions=eu-west-1) copies the IAM event to eu-west-1's application bus, whose
 * ForwardedRoleChange rule delivers it; each region's function then re-judges its own revisions only.
 */
class RoleChangeCrossRegionMotoTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final String FUNCTION = "RoleChangeFunction";

    private final MotoServer moto = MotoServer.get();
    private final RoleChangeFixture east = new RoleChangeFixture(moto, "us-east-1");
    private final RoleChangeFixture west = new RoleChangeFixture(moto, "eu-west-1");
    private SamTemplate usEast1Stack;
    private SamTemplate euWest1Stack;

    @BeforeEach
    void deployTwoRegionalStacks() throws Exception {
        moto.reset();
        AccountRoleLookup.forgetManagedPolicies();
        usEast1Stack = SamTemplate.load(TEMPLATE, Map.of("ForwardRoleChangesToRegions", "eu-west-1"), "us-east-1");
        euWest1Stack = SamTemplate.load(TEMPLATE, Map.of(), "eu-west-1");
        for (RoleChangeFixture region : List.of(east, west)) {
            region.clients.eventBridge().createEventBus(r -> r.name("ecs-iam-guard"));
            LocalTables.createRoleUsageTable(region.clients.dynamoDb(), table(usEast1Stack));
        }
        RoleChangeFixture.createRoles(east.clients.iam());
    }

    @Test
    void anIamEventInUsEast1_isForwardedToEuWest1_andEachRegionReJudgesItsOwnServiceRevision() throws Exception {
        String eastRevision = runningServiceIndexed(east, usEast1Stack);
        String westRevision = runningServiceIndexed(west, euWest1Stack);
        deployForwardRule();
        String westQueue = deliverForwardedRoleChangesToQueue();
        east.clients.iam().attachRolePolicy(r -> r.roleName(ValidateTaskDefinitionHandlerMotoTest.TASK_ROLE)
                .policyArn(RoleChangeFixture.ADMIN));
        String attach = ValidateTaskDefinitionHandlerMotoTest.read(RoleChangeHandlerMotoTest.ATTACH_ADMIN);

        putOnUsEast1DefaultBus(attach);
        putOnUsEast1DefaultBus(ValidateTaskDefinitionHandlerMotoTest.read(
                "events/invalid/iam-detach-role-policy-failed-call.json"));
        List<String> forwarded = receive(westQueue);

        assertThat(forwarded).hasSize(1);  // the failed call is not forwarded
        JsonNode eastResult = invoke(east, usEast1Stack, attach);
        JsonNode westResult = invoke(west, euWest1Stack, forwarded.get(0));
        assertThat(judged(eastResult)).containsExactly(eastRevision);
        assertThat(judged(westResult)).containsExactly(westRevision);
        for (JsonNode result : List.of(eastResult, westResult)) {
            JsonNode revision = result.field("revisions").orElseThrow().asArray().get(0);
            assertThat(revision.field("findings").orElseThrow().asArray()).extracting(JsonNode::asString)
                    .contains("TASK-ADMIN");
            assertThat(result.field("trigger").orElseThrow().field("eventId").orElseThrow().asString())
                    .isEqualTo("9f1e2d3c-4b5a-4c6d-9e8f-000000001401");
        }
    }

    private String runningServiceIndexed(RoleChangeFixture region, SamTemplate stack) throws Exception {
        String revision = region.register("payments-api", true);
        region.createService("payments-api", revision);
        String validated = "{\"version\":\"0\",\"id\":\"v-" + region.region + "\",\"detail-type\":"
                + "\"Task Definition Validated\",\"source\":\"ecs-iam-guard\",\"account\":\"123456789012\","
                + "\"time\":\"2026-11-25T09:30:05Z\",\"region\":\"" + region.region + "\",\"resources\":[],"
                + "\"detail\":{\"taskDefinitionArn\":\"" + revision + "\"}}";
        assertThat(invoke(region, stack, validated).field("changes").orElseThrow().asArray()).hasSize(2);
        return revision;
    }

    /** RoleChangeForwardRule on us-east-1's default bus, pattern and bus targets as the template resolves them. */
    @SuppressWarnings("unchecked")
    private void deployForwardRule() {
        Map<String, Object> raw = map(map(map(usEast1Stack.raw().get("Resources")).get("RoleChangeForwardRule"))
                .get("Properties"));
        // Patterns hold no intrinsics and keep their booleans (`exists: false`); targets are resolved.
        Map<String, Object> rule = (Map<String, Object>) usEast1Stack.resolveTree(raw);
        EventBridgeClient events = east.clients.eventBridge();
        events.putRule(r -> r.name("RoleChangeForwardRule").eventPattern(Json.write(raw.get("EventPattern"))));
        List<Target> targets = ((List<Object>) rule.get("Targets")).stream().map(t -> (Map<String, Object>) t)
                .map(t -> Target.builder().id((String) t.get("Id")).arn((String) t.get("Arn"))
                        .roleArn("arn:aws:iam::123456789012:role/role-change-forward").build()).toList();
        assertThat(targets).extracting(Target::arn)
                .containsExactly("arn:aws:events:eu-west-1:123456789012:event-bus/ecs-iam-guard");
        events.putTargets(r -> r.rule("RoleChangeForwardRule").targets(targets));
    }

    /** eu-west-1's ForwardedRoleChange rule on its application bus, delivering to a queue in place of the function. */
    @SuppressWarnings("unchecked")
    private String deliverForwardedRoleChangesToQueue() {
        Map<String, Object> raw = map(map(map(euWest1Stack.properties(FUNCTION).get("Events"))
                .get("ForwardedRoleChange")).get("Properties"));
        assertThat(euWest1Stack.resolveTree(raw.get("EventBusName"))).isEqualTo("ecs-iam-guard");
        String queueUrl = sqs().createQueue(r -> r.queueName("role-change-function")).queueUrl();
        String queueArn = sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        EventBridgeClient events = west.clients.eventBridge();
        events.putRule(r -> r.name("ForwardedRoleChange").eventBusName("ecs-iam-guard")
                .eventPattern(Json.write(raw.get("Pattern"))));
        events.putTargets(r -> r.rule("ForwardedRoleChange").eventBusName("ecs-iam-guard")
                .targets(t -> t.id("function").arn(queueArn)));
        return queueUrl;
    }

    private void putOnUsEast1DefaultBus(String eventJson) {
        JsonNode event = Json.parse(eventJson);
        var response = east.clients.eventBridge().putEvents(r -> r.entries(e -> e
                .source(event.field("source").orElseThrow().asString())
                .detailType(event.field("detail-type").orElseThrow().asString())
                .detail(event.field("detail").orElseThrow().toString())));
        assertThat(response.failedEntryCount()).isZero();
    }

    private List<String> receive(String queueUrl) {
        return sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                .messages().stream().map(m -> m.body()).toList();
    }

    private SqsClient sqs() {
        return SqsClient.builder().region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .endpointOverride(moto.endpoint()).credentialsProvider(moto.settings().credentials()).build();
    }

    /** The region's function as the template defines it (handler, environment), run in this JVM. */
    private static JsonNode invoke(RoleChangeFixture region, SamTemplate stack, String eventJson) throws Exception {
        SamTemplate.Function function = stack.function(FUNCTION);
        Map<String, String> env = LocalInvoker.environment(function, region.environment(),
                Map.of("AWS_REGION", region.region));
        return Json.parse(LocalInvoker.invokeInProcess(function, env, eventJson,
                new PrintStream(PrintStream.nullOutputStream())));
    }

    private static List<String> judged(JsonNode result) {
        return result.field("revisions").orElseThrow().asArray().stream()
                .map(r -> r.field("taskDefinitionArn").orElseThrow().asString()).toList();
    }

    private static String table(SamTemplate stack) {
        return stack.function(FUNCTION).environment().get("ROLE_USAGE_TABLE");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
