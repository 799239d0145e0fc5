package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.IamDocuments;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.PrintStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** The provisioning function end to end against moto over HTTP: what it creates, and what it never does. */
class ProvisionOnRepositoryHandlerMotoTest {

    private static final String EVENT = "events/cloudtrail/ecr-create-repository.json";
    private static final String EXEC_ROLE = "ecs-payments-api-execution-role";
    private static final String TASK_ROLE = "ecs-payments-api-task-role";

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final CallRecorder recorder = new CallRecorder();
    private IamClient iam;

    @BeforeEach
    void deployAndCreateRepository() {
        moto.reset();
        aws.deployApplicationBus();
        aws.createRepository("payments/api", Map.of("ecs-iam-guard:capabilities", "exec"));
        iam = aws.clients().iam();
    }

    @Test
    void handleRequest_whenRepositoryIsNew_createsRolesLogGroupAndCluster() {
        Map<String, Object> result = handler(Map.of()).handleRequest(event(EVENT), context());

        assertThat(result).containsEntry("status", "ok").containsEntry("service", "payments-api");
        Role exec = iam.getRole(r -> r.roleName(EXEC_ROLE)).role();
        assertThat(exec.path()).isEqualTo("/ecs-iam-guard/");
        var statement = Json.parse(IamDocuments.decode(exec.assumeRolePolicyDocument())).asObject()
                .get("Statement").asArray().get(0).asObject();
        assertThat(statement.get("Principal").asObject().get("Service").text()).isEqualTo("ecs-tasks.amazonaws.com");
        var condition = statement.get("Condition").asObject();
        assertThat(condition.get("StringEquals").asObject().get("aws:SourceAccount").text()).isEqualTo("123456789012");
        assertThat(condition.get("ArnLike").asObject().get("aws:SourceArn").text())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:*");
        assertThat(exec.tags()).extracting(Tag::key, Tag::value).contains(
                org.assertj.core.groups.Tuple.tuple("ManagedBy", "ecs-iam-guard"),
                org.assertj.core.groups.Tuple.tuple("Service", "payments-api"),
                org.assertj.core.groups.Tuple.tuple("Environment", "dev"));
        String execPolicy = IamDocuments.decode(iam.getRolePolicy(r -> r.roleName(EXEC_ROLE)
                .policyName("ecs-iam-guard-execution")).policyDocument());
        assertThat(execPolicy).contains("arn:aws:ecr:us-east-1:123456789012:repository/payments/api",
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/payments-api:*", "ecr:GetAuthorizationToken");
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(EXEC_ROLE)).attachedPolicies()).isEmpty();
        String taskPolicy = IamDocuments.decode(iam.getRolePolicy(r -> r.roleName(TASK_ROLE)
                .policyName("ecs-iam-guard-task-capabilities")).policyDocument());
        assertThat(taskPolicy).contains("ssmmessages:CreateControlChannel", "ssmmessages:OpenDataChannel");

        LogGroup group = aws.clients().logs().describeLogGroups(r -> r.logGroupNamePrefix("/ecs/dev/payments-api"))
                .logGroups().get(0);
        assertThat(group.retentionInDays()).isEqualTo(30);

        Cluster cluster = aws.clients().ecs().describeClusters(r -> r.clusters("ecs-dev")
                .include(ClusterField.TAGS, ClusterField.SETTINGS)).clusters().get(0);
        assertThat(cluster.capacityProviders()).containsExactlyInAnyOrder("FARGATE", "FARGATE_SPOT");
        assertThat(cluster.defaultCapacityProviderStrategy()).extracting(s -> s.capacityProvider())
                .containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(cluster.settings()).anyMatch(s -> s.nameAsString().equals("containerInsights")
                && s.value().equals("enabled"));
        assertThat(cluster.tags()).anyMatch(t -> t.key().equals("ManagedBy") && t.value().equals("ecs-iam-guard"));

        List<String> published = aws.publishedEvents();
        assertThat(published).hasSize(1);
        var envelope = Json.parse(published.get(0)).asObject();
        assertThat(envelope.get("detail-type").text()).isEqualTo("Service Roles Provisioned");
        var detail = envelope.get("detail").asObject();
        assertThat(detail.get("executionRoleArn").text())
                .isEqualTo("arn:aws:iam::123456789012:role/ecs-iam-guard/" + EXEC_ROLE);
        assertThat(detail.get("clusterArn").text()).isEqualTo(cluster.clusterArn());
        assertThat(detail.get("changes").asArray()).extracting(n -> n.text()).contains("create cluster ecs-dev");
    }

    @Test
    void handleRequest_whenBoundaryAndManagedModeConfigured_attachesBoth() {
        String boundary = "arn:aws:iam::123456789012:policy/ecs-workload-boundary";
        iam.createPolicy(r -> r.policyName("ecs-workload-boundary").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                        + "\"Resource\":\"*\"}]}"));

        handler(Map.of("PERMISSIONS_BOUNDARY_ARN", boundary, "EXECUTION_POLICY_MODE", "managed"))
                .handleRequest(event(EVENT), context());

        for (String role : List.of(EXEC_ROLE, TASK_ROLE)) {
            assertThat(iam.getRole(r -> r.roleName(role)).role().permissionsBoundary().permissionsBoundaryArn())
                    .isEqualTo(boundary);
        }
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(EXEC_ROLE)).attachedPolicies())
                .extracting(p -> p.policyArn())
                .containsExactly("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
        assertThat(iam.listRolePolicies(r -> r.roleName(EXEC_ROLE)).policyNames()).isEmpty();
    }

    @Test
    void handleRequest_whenReplayed_makesNoWriteCallAndPublishesNothing() {
        handler(Map.of()).handleRequest(event(EVENT), context());
        aws.publishedEvents();
        recorder.clear();

        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        Map<String, Object> replay = handler(Map.of()).handleRequest(event(EVENT),
                new LocalContext("ProvisionOnRepositoryFunction", 60, 1024, new PrintStream(log, true)));

        assertThat(replay).containsEntry("status", "ok").containsEntry("changes", List.of());
        assertThat(recorder.writes()).isEmpty();
        assertThat(recorder.calls()).isNotEmpty();
        var logLine = Json.parse(log.toString().trim()).asObject();
        assertThat(logLine.get("level").text()).isEqualTo("INFO");
        assertThat(logLine.get("awsCalls").asNumber()).isEqualTo(String.valueOf(recorder.calls().size()));
        assertThat(aws.publishedEvents()).isEmpty();
    }

    @Test
    void handleRequest_whenEarlierRunStoppedHalfway_completesIt() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        iam.createRole(r -> r.roleName(EXEC_ROLE).path("/ecs-iam-guard/").assumeRolePolicyDocument(trust)
                .tags(Tag.builder().key("ManagedBy").value("ecs-iam-guard").build()));
        String arnBefore = iam.getRole(r -> r.roleName(EXEC_ROLE)).role().arn();

        Map<String, Object> result = handler(Map.of()).handleRequest(event(EVENT), context());

        assertThat(result.get("changes").toString()).doesNotContain("create role " + EXEC_ROLE)
                .contains("update trust policy of role " + EXEC_ROLE,
                        "put inline policy ecs-iam-guard-execution on role " + EXEC_ROLE,
                        "tag role " + EXEC_ROLE, "create role " + TASK_ROLE);
        Role exec = iam.getRole(r -> r.roleName(EXEC_ROLE)).role();
        assertThat(exec.arn()).isEqualTo(arnBefore);
        assertThat(IamDocuments.decode(exec.assumeRolePolicyDocument())).contains("aws:SourceAccount");
        assertThat(iam.listRolePolicies(r -> r.roleName(EXEC_ROLE)).policyNames())
                .containsExactly("ecs-iam-guard-execution");
    }

    @Test
    void handleRequest_whenPolicyAttachedByHand_reportsItAndLeavesItAttached() {
        handler(Map.of()).handleRequest(event(EVENT), context());
        String foreign = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
        iam.attachRolePolicy(r -> r.roleName(TASK_ROLE).policyArn(foreign));
        recorder.clear();

        Map<String, Object> result = handler(Map.of()).handleRequest(event(EVENT), context());

        assertThat(result.get("notes").toString()).contains(foreign, "left attached");
        // announced once (new notes), and the spec records the announcement so a replay does not repeat it
        assertThat(recorder.writes()).containsExactly("EventBridge:PutEvents", "DynamoDb:PutItem");
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(TASK_ROLE)).attachedPolicies())
                .extracting(p -> p.policyArn()).containsExactly(foreign);
    }

    @Test
    void handleRequest_whenClusterExistsWithoutInsights_keepsItAndReportsIt() {
        String arn = aws.clients().ecs().createCluster(r -> r.clusterName("ecs-dev")
                .tags(t -> t.key("owner").value("platform"))).cluster().clusterArn();

        Map<String, Object> result = handler(Map.of()).handleRequest(event(EVENT), context());

        assertThat(result.get("changes").toString()).doesNotContain("create cluster");
        assertThat(result.get("notes").toString()).contains("Container Insights disabled");
        Cluster cluster = aws.clients().ecs().describeClusters(r -> r.clusters("ecs-dev").include(ClusterField.TAGS))
                .clusters().get(0);
        assertThat(cluster.clusterArn()).isEqualTo(arn);
        assertThat(cluster.tags()).anyMatch(t -> t.key().equals("owner"));
        assertThat(cluster.capacityProviders()).isEmpty();
        assertThat(result.get("notes").toString()).contains("lacks capacity provider(s) [FARGATE, FARGATE_SPOT]");
    }

    @Test
    void handleRequest_whenTwoEventsArriveAtOnce_convergesOnOneSetOfResources() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<Map<String, Object>> run = () -> {
            ProvisionOnRepositoryHandler handler = handler(Map.of());
            start.await();
            return handler.handleRequest(event(EVENT), context());
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map<String, Object>> first = pool.submit(run);
            Future<Map<String, Object>> second = pool.submit(run);
            start.countDown();
            assertThat(first.get()).containsEntry("status", "ok");
            assertThat(second.get()).containsEntry("status", "ok");
        } finally {
            pool.shutdownNow();
        }
        assertThat(iam.listRoles().roles()).extracting(Role::roleName)
                .containsExactlyInAnyOrder(EXEC_ROLE, TASK_ROLE);
        assertThat(iam.listRolePolicies(r -> r.roleName(EXEC_ROLE)).policyNames())
                .containsExactly("ecs-iam-guard-execution");
        recorder.clear();
        assertThat(handler(Map.of()).handleRequest(event(EVENT), context())).containsEntry("changes", List.of());
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void handleRequest_whenRepositoryNameCannotBecomeARoleName_rejectsAndWritesNothing() {
        for (String file : List.of("events/invalid/ecr-create-repository-bad-name.json",
                "events/invalid/ecr-create-repository-name-too-long.json",
                "events/invalid/ecr-create-repository-missing-name.json",
                "events/invalid/ecr-create-repository-failed-call.json",
                "events/invalid/ecr-delete-repository.json",
                "events/invalid/not-cloudtrail.json")) {
            recorder.clear();
            Map<String, Object> result = handler(Map.of()).handleRequest(event(file), context());

            assertThat(result).as(file).containsEntry("status", "rejected");
            assertThat((String) result.get("error")).as(file).isNotBlank();
            assertThat(recorder.calls()).as(file).isEmpty();
        }
        assertThat(iam.listRoles().roles()).isEmpty();
        assertThat(aws.clients().ecs().listClusters().clusterArns()).isEmpty();
    }

    @Test
    void handleRequest_whenRepositoryWasDeletedSinceTheEvent_rejectsWithoutWriting() {
        aws.clients().ecr().deleteRepository(r -> r.repositoryName("payments/api"));

        Map<String, Object> result = handler(Map.of()).handleRequest(event(EVENT), context());

        assertThat(result).containsEntry("status", "rejected");
        assertThat((String) result.get("error")).contains("no longer exists");
        assertThat(recorder.writes()).isEmpty();
    }

    private ProvisionOnRepositoryHandler handler(Map<String, String> config) {
        Map<String, String> env = new HashMap<>(moto.environment());
        env.putAll(config);
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        return new ProvisionOnRepositoryHandler(new ServiceProvisioner(ProvisioningConfig.fromEnvironment(env),
                clients, LocalAws.BUS), "us-east-1");
    }

    private static ScheduledEvent event(String path) {
        return EventLoader.loadScheduledEvent(path);
    }

    private static LocalContext context() {
        return new LocalContext("ProvisionOnRepositoryFunction", 60, 1024,
                new PrintStream(OutputStream.nullOutputStream()));
    }
}
