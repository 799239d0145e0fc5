package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which AWS calls provisioning makes: a replay reads each thing once, and only what the plan needs. */
class ProvisioningCallsMotoTest {

    private static final String EVENT = "events/cloudtrail/ecr-create-repository.json";

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final CallRecorder recorder = new CallRecorder();

    @BeforeEach
    void deployAndCreateRepository() {
        moto.reset();
        aws.deployApplicationBus();
        aws.createRepository("payments/api", Map.of("ecs-iam-guard:capabilities", "exec"));
    }

    @Test
    void replay_readsRepositoryTagsSpecRolesLogGroupAndClusterOnceEach() {
        invoke();
        recorder.clear();

        invoke();

        // The spec is read once: a run that wrote nothing has no reason to look for a newer declaration.
        assertThat(recorder.calls()).containsExactlyInAnyOrder("Ecr:ListTagsForResource",
                "DynamoDb:GetItem",
                "Iam:GetRole", "Iam:ListRolePolicies", "Iam:GetRolePolicy", "Iam:ListAttachedRolePolicies",
                "Iam:GetRole", "Iam:ListRolePolicies", "Iam:GetRolePolicy", "Iam:ListAttachedRolePolicies",
                "CloudWatchLogs:DescribeLogGroups", "Ecs:DescribeClusters");
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

    private Map<String, Object> invoke() {
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        ProvisionOnRepositoryHandler handler = new ProvisionOnRepositoryHandler(new ServiceProvisioner(
                ProvisioningConfig.fromEnvironment(moto.environment()), clients, LocalAws.BUS), "us-east-1");
        return handler.handleRequest(EventLoader.loadScheduledEvent(EVENT), new LocalContext(
                "ProvisionOnRepositoryFunction", 60, 1024, new PrintStream(OutputStream.nullOutputStream())));
    }
}
