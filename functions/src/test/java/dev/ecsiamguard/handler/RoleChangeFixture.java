package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.rolechange.RoleChangeApplication;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.LocalTables;
import dev.ecsiamguard.local.TaskDefinitionRequests;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.MotoServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * What the role-change tests deploy and do on moto, per region: the index table, the payments-api roles (the
 * execution role reads its secret through the customer managed policy {@value #SECRETS_POLICY}), revisions,
 * a service, and handlers whose AWS calls are recorded.
 */
final class RoleChangeFixture {

    static final String TABLE = "role-usage";
    static final String ACCOUNT = "123456789012";
    static final String SECRETS_POLICY = "payments-api-secrets";
    static final String SECRETS_POLICY_ARN = "arn:aws:iam::" + ACCOUNT + ":policy/" + SECRETS_POLICY;
    static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    static final String REGISTER_EVENT = ValidateTaskDefinitionHandlerMotoTest.EVENT;

    final MotoServer moto;
    final String region;
    final CallRecorder recorder = new CallRecorder();
    final AwsClients clients;

    RoleChangeFixture(MotoServer moto, String region) {
        this.moto = moto;
        this.region = region;
        this.clients = new AwsClients(dev.ecsiamguard.aws.AwsSettings.fromEnvironment(environment()));
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(moto.environment());
        env.put("AWS_REGION", region);
        env.put("ROLE_USAGE_TABLE", TABLE);
        env.put("MODE", "audit");
        return env;
    }

    /** The function of this region's stack, its calls recorded. */
    RoleChangeHandler handler() {
        AwsClients recorded = new AwsClients(dev.ecsiamguard.aws.AwsSettings.fromEnvironment(environment())
                .withInterceptor(recorder));
        return new RoleChangeHandler(new RoleChangeApplication(environment(), recorded));
    }

    void deployTable() {
        LocalTables.createRoleUsageTable(clients.dynamoDb(), TABLE);
    }

    /** The roles of payments-api, allowed everything its revision needs (the secret through a managed policy). */
    static void createRoles(IamClient iam) {
        String secrets = "{\"Version\":\"2012-10-17\",\"Statement\":[" + ValidateTaskDefinitionHandlerMotoTest
                .allow(ValidateTaskDefinitionHandlerMotoTest.SECRET, "secretsmanager:GetSecretValue") + "]}";
        ValidateTaskDefinitionHandlerMotoTest.createRoles(iam, false);
        iam.createPolicy(r -> r.policyName(SECRETS_POLICY).policyDocument(secrets));
        iam.attachRolePolicy(r -> r.roleName(ValidateTaskDefinitionHandlerMotoTest.EXEC_ROLE)
                .policyArn(SECRETS_POLICY_ARN));
    }

    /** The sample event's revision, in this region; its family is re-registered under {@code family} if given. */
    String register(String family, boolean withSecrets) {
        JsonNode detail = Json.parse(ValidateTaskDefinitionHandlerMotoTest.read(REGISTER_EVENT)).field("detail")
                .orElseThrow();
        RegisterTaskDefinitionRequest request = TaskDefinitionRequests.fromCloudTrail(
                detail.field("requestParameters").orElseThrow());
        RegisterTaskDefinitionRequest.Builder changed = request.toBuilder().family(family);
        if (!withSecrets) {
            changed.taskRoleArn(null).containerDefinitions(request.containerDefinitions().stream()
                    .map(c -> c.toBuilder().secrets(List.of()).build()).toArray(ContainerDefinition[]::new));
        }
        EcsClient ecs = clients.ecs();
        return ecs.registerTaskDefinition(changed.build()).taskDefinition().taskDefinitionArn();
    }

    /** A running service of the environment's cluster. */
    String createService(String name, String taskDefinition) {
        clients.ecs().createCluster(r -> r.clusterName("ecs-dev"));
        return clients.ecs().createService(r -> r.cluster("ecs-dev").serviceName(name).taskDefinition(taskDefinition)
                .desiredCount(1)).service().serviceArn();
    }

    /** What the application's bus would deliver after validating a revision. */
    static ScheduledEvent validated(String taskDefinitionArn) {
        ScheduledEvent event = new ScheduledEvent();
        event.setSource("ecs-iam-guard");
        event.setDetailType("Task Definition Validated");
        event.setDetail(Map.of("taskDefinitionArn", taskDefinitionArn));
        return event;
    }

    static ScheduledEvent event(String path) {
        return EventLoader.loadScheduledEvent(path);
    }

    static LocalContext context() {
        return new LocalContext("RoleChangeFunction", 120, 1024,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }
}
