package dev.ecsiamguard.handler;

import static dev.ecsiamguard.handler.ValidateTaskDefinitionHandlerMotoTest.EVENT;
import static dev.ecsiamguard.handler.ValidateTaskDefinitionHandlerMotoTest.EXEC_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.app.TaskDefinitionValidation;
import dev.ecsiamguard.app.ValidationConfig;
import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.DynamoDbRoleChangeMarkers;
import dev.ecsiamguard.aws.RoleCache;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.LocalTables;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Validation and provisioning with the role cache as deployed (markers in the role-usage table, 300 s): what a warm
 * environment asks AWS, and how a change made by hand reaches it through its marker.
 */
class RoleCacheHandlersMotoTest {

    private static final String TABLE = "role-usage";

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final CallRecorder recorder = new CallRecorder();
    private final Map<String, String> env = new HashMap<>(moto.environment());
    private IamClient byHand;

    @BeforeEach
    void deploy() {
        moto.reset();
        AccountRoleLookup.forgetManagedPolicies();
        aws.deployApplicationBus();
        byHand = aws.clients().iam();
        env.put("ROLE_USAGE_TABLE", TABLE);
        env.put("ROLE_CACHE_SECONDS", "300");
    }

    @Test
    void warmValidation_asksOneMarkerRequestInsteadOfFourIamReadsPerRole() {
        validationSetup();
        ValidateTaskDefinitionHandler handler = validationHandler();
        handler.handleRequest(EventLoader.loadScheduledEvent(EVENT), context("ValidateTaskDefinitionFunction"));
        recorder.clear();

        Map<String, Object> warm = handler.handleRequest(EventLoader.loadScheduledEvent(EVENT),
                context("ValidateTaskDefinitionFunction"));

        assertThat(warm).containsEntry("status", "ok");
        assertThat(recorder.calls()).containsExactlyInAnyOrder("Ecs:DescribeTaskDefinition",
                "Ecs:ListAccountSettings", "DynamoDb:BatchGetItem", "EventBridge:PutEvents");
        assertThat(recorder.calls()).hasSizeLessThanOrEqualTo(1 + 3 * 2);
        System.out.println("warm validation with the role cache: " + recorder.calls().size() + " calls "
                + recorder.calls());
    }

    @Test
    void aHandChange_isSeenByTheNextValidation_onceItsMarkerHasLanded() {
        validationSetup();
        ValidateTaskDefinitionHandler handler = validationHandler();
        assertThat(findings(handler)).doesNotContain("EXEC-SECRETS-SM");
        removeSecretGrant();

        assertThat(findings(handler)).as("before the marker: the previous read").doesNotContain("EXEC-SECRETS-SM");
        marker(EXEC_ROLE);
        assertThat(findings(handler)).as("after the marker").contains("EXEC-SECRETS-SM");
    }

    @Test
    void whenTheMarkerTableCannotBeRead_everyValidationReadsTheRolesFresh() {
        validationSetup();
        aws.clients().dynamoDb().deleteTable(r -> r.tableName(TABLE));
        ValidateTaskDefinitionHandler handler = validationHandler();
        assertThat(findings(handler)).doesNotContain("EXEC-SECRETS-SM");
        removeSecretGrant();
        recorder.clear();

        assertThat(findings(handler)).contains("EXEC-SECRETS-SM");
        assertThat(recorder.calls().stream().filter(c -> c.startsWith("Iam:"))).hasSize(8);
    }

    @Test
    void aHandChange_isRepairedByTheNextProvisioning_onceItsMarkerHasLanded() {
        LocalTables.createRoleUsageTable(aws.clients().dynamoDb(), TABLE);
        aws.createRepository("payments/api", Map.of());
        ProvisionOnRepositoryHandler handler = provisioningHandler();
        provision(handler);
        byHand.putRolePolicy(r -> r.roleName(EXEC_ROLE).policyName("ecs-iam-guard-execution").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + ValidateTaskDefinitionHandlerMotoTest.allow("*",
                        "s3:*") + "]}"));
        recorder.clear();

        provision(handler);
        assertThat(recorder.writes()).as("before the marker: the previous read, nothing to repair").isEmpty();
        marker(EXEC_ROLE);
        Map<String, Object> repaired = provision(handler);

        assertThat(recorder.writes()).contains("Iam:PutRolePolicy");
        assertThat(repaired.get("changes")).isEqualTo(List.of("put inline policy ecs-iam-guard-execution on role "
                + EXEC_ROLE));
    }

    // The role-change function's write for a change made now (the adapter's own cache is another environment's).
    private void marker(String role) {
        new DynamoDbRoleChangeMarkers(aws.clients().dynamoDb(), TABLE).record(List.of(role), Instant.now());
    }

    // By hand: the execution role's policy no longer lets it read the revision's secret.
    private void removeSecretGrant() {
        byHand.putRolePolicy(r -> r.roleName(EXEC_ROLE).policyName("execution").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + ValidateTaskDefinitionHandlerMotoTest.allow("*",
                        "ecr:GetAuthorizationToken") + "]}"));
    }

    private void validationSetup() {
        LocalTables.createRoleUsageTable(aws.clients().dynamoDb(), TABLE);
        ValidateTaskDefinitionHandlerMotoTest.createRoles(byHand, true);
        ValidateTaskDefinitionHandlerMotoTest.register(aws.clients().ecs(), EVENT);
    }

    private ValidateTaskDefinitionHandler validationHandler() {
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        return new ValidateTaskDefinitionHandler(new TaskDefinitionValidation(ValidationConfig.fromEnvironment(env),
                clients).withRoleCache(RoleCache.fromEnvironment(env, clients)), "us-east-1");
    }

    private ProvisionOnRepositoryHandler provisioningHandler() {
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        return new ProvisionOnRepositoryHandler(new ServiceProvisioner(ProvisioningConfig.fromEnvironment(env),
                clients, LocalAws.BUS).withRoleCache(RoleCache.fromEnvironment(env, clients)), "us-east-1");
    }

    private Map<String, Object> provision(ProvisionOnRepositoryHandler handler) {
        recorder.clear();
        Map<String, Object> result = handler.handleRequest(EventLoader.loadScheduledEvent(
                "events/cloudtrail/ecr-create-repository.json"), context("ProvisionOnRepositoryFunction"));
        assertThat(result).containsEntry("status", "ok");
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<String> findings(ValidateTaskDefinitionHandler handler) {
        Map<String, Object> result = handler.handleRequest(EventLoader.loadScheduledEvent(EVENT),
                context("ValidateTaskDefinitionFunction"));
        assertThat(result).containsEntry("status", "ok");
        Map<String, Object> report = (Map<String, Object>) result.get("report");
        return ((List<Map<String, Object>>) report.get("findings")).stream().map(f -> (String) f.get("ruleId"))
                .toList();
    }

    private static LocalContext context(String function) {
        return new LocalContext(function, 60, 1024, new PrintStream(OutputStream.nullOutputStream()));
    }
}
