package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.RoleCache;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.LocalTables;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which AWS calls provisioning makes: a replay reads each thing once, and only what the plan needs; the roles come
 * from the execution environment's role cache while their change markers show no change.
 */
class ProvisioningCallsMotoTest {

    private static final String EVENT = "events/cloudtrail/ecr-create-repository.json";
    private static final String TABLE = "role-usage";

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final CallRecorder recorder = new CallRecorder();

    private Map<String, String> env = withRoleCache("300");

    @BeforeEach
    void deployAndCreateRepository() {
        moto.reset();
        aws.deployApplicationBus();
        LocalTables.createRoleUsageTable(aws.clients().dynamoDb(), TABLE);
        aws.createRepository("payments/api", Map.of("ecs-iam-guard:capabilities", "exec"));
    }

    @Test
    void replay_readsRepositoryTagsSpecMarkersLogGroupAndClusterOnceEach_andTheRolesFromTheCache() {
        invoke();
        recorder.clear();

        Map<String, Object> replay = invoke();

        // The spec is read once: a run that wrote nothing has no reason to look for a newer declaration. Both
        // roles' change markers come in one request; no change since this environment read them, so no IAM call.
        assertThat(recorder.calls()).containsExactlyInAnyOrder("Ecr:ListTagsForResource",
                "DynamoDb:GetItem", "DynamoDb:BatchGetItem",
                "CloudWatchLogs:DescribeLogGroups", "Ecs:DescribeClusters");
        assertThat(recorder.calls()).hasSizeLessThanOrEqualTo(8);
        assertThat(recorder.writes()).isEmpty();
        assertThat(replay.get("changes")).isEqualTo(List.of());
    }

    @Test
    void replay_withRoleCacheSecondsZero_readsEveryRoleFromIam_asBefore() {
        env = withRoleCache("0");
        invoke();
        recorder.clear();

        invoke();

        assertThat(recorder.calls()).containsExactlyInAnyOrder("Ecr:ListTagsForResource",
                "DynamoDb:GetItem",
                "Iam:GetRole", "Iam:ListRolePolicies", "Iam:GetRolePolicy", "Iam:ListAttachedRolePolicies",
                "Iam:GetRole", "Iam:ListRolePolicies", "Iam:GetRolePolicy", "Iam:ListAttachedRolePolicies",
                "CloudWatchLogs:DescribeLogGroups", "Ecs:DescribeClusters");
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void replay_whenRetentionWasChangedByHand_readsWhoManagesTheGroupAndRestoresIt() {
        invoke();
        aws.clients().logs().putRetentionPolicy(r -> r.logGroupName("/ecs/dev/payments-api").retentionInDays(7));
        recorder.clear();

        Map<String, Object> result = invoke();

        assertThat(recorder.calls()).contains("CloudWatchLogs:ListTagsForResource");
        assertThat(recorder.writes()).containsExactly("CloudWatchLogs:PutRetentionPolicy", "EventBridge:PutEvents");
        assertThat(result.get("changes")).isEqualTo(List.of("set retention of log group /ecs/dev/payments-api"
                + " to 30 days"));
    }

    @Test
    void provision_whenRepositoryWasDeleted_rejectsAfterOneCall() {
        aws.clients().ecr().deleteRepository(r -> r.repositoryName("payments/api").force(true));

        Map<String, Object> result = invoke();

        assertThat(result).containsEntry("status", "rejected");
        assertThat(recorder.calls()).containsExactly("Ecr:ListTagsForResource");
    }

    // As deployed: the markers in the role-usage table, RoleCacheSeconds as given.
    private Map<String, String> withRoleCache(String seconds) {
        Map<String, String> configured = new java.util.HashMap<>(moto.environment());
        configured.put("ROLE_USAGE_TABLE", TABLE);
        configured.put("ROLE_CACHE_SECONDS", seconds);
        return configured;
    }

    private Map<String, Object> invoke() {
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        ProvisionOnRepositoryHandler handler = new ProvisionOnRepositoryHandler(new ServiceProvisioner(
                ProvisioningConfig.fromEnvironment(env), clients, LocalAws.BUS)
                .withRoleCache(RoleCache.fromEnvironment(env, clients)), "us-east-1");
        return handler.handleRequest(EventLoader.loadScheduledEvent(EVENT), new LocalContext(
                "ProvisionOnRepositoryFunction", 60, 1024, new PrintStream(OutputStream.nullOutputStream())));
    }
}
