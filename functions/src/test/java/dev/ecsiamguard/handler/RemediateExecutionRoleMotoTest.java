package dev.ecsiamguard.handler;

import static dev.ecsiamguard.handler.ValidateTaskDefinitionHandlerMotoTest.EVENT;
import static dev.ecsiamguard.handler.ValidateTaskDefinitionHandlerMotoTest.EXEC_ROLE;
import static dev.ecsiamguard.handler.ValidateTaskDefinitionHandlerMotoTest.SECRET;
import static dev.ecsiamguard.handler.ValidateTaskDefinitionHandlerMotoTest.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.app.TaskDefinitionValidation;
import dev.ecsiamguard.app.ValidationConfig;
import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.IamDocuments;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.remediate.ExecutionGrant;
import dev.ecsiamguard.core.remediate.ExecutionGrants;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Remediate mode end to end against moto: the provisioner makes payments-api's roles (no secret prefix yet), a
 * revision that injects a secret and a parameter is registered, and validation grants exactly what it needs.
 */
class RemediateExecutionRoleMotoTest {

    private static final String PARAMETER = "arn:aws:ssm:us-east-1:123456789012:parameter/dev/payments-api/stripe-key";
    private static final Map<String, String> REMEDIATE = Map.of("MODE", "remediate",
            "SECRETS_MANAGER_PREFIX", "dev/{service}/", "SSM_PARAMETER_PREFIX", "/dev/{service}/");

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final CallRecorder recorder = new CallRecorder();
    private final List<JsonNode> published = new java.util.ArrayList<>();
    private IamClient iam;

    @BeforeEach
    void provisionPaymentsApiAndRegisterARevision() {
        moto.reset();
        aws.deployApplicationBus();
        iam = aws.clients().iam();
        AccountRoleLookup.forgetManagedPolicies();
        aws.createRepository("payments/api", Map.of("ecs-iam-guard:capabilities", "exec"));
        new ProvisionOnRepositoryHandler(new ServiceProvisioner(ProvisioningConfig.fromEnvironment(
                moto.environment()), aws.clients(), LocalAws.BUS), "us-east-1").handleRequest(
                        EventLoader.loadScheduledEvent("events/cloudtrail/ecr-create-repository.json"), context());
        register(aws.clients().ecs(), EVENT);
    }

    @Test
    void remediate_whenRevisionNeedsASecretAndAParameterUnderThePrefixes_grantsExactlyThoseAndPasses() {
        Map<String, Object> result = handler(REMEDIATE).handleRequest(event(), context());

        assertThat(result).containsEntry("passed", true);
        assertThat(grants()).containsExactlyInAnyOrder(
                new ExecutionGrant(List.of("secretsmanager:GetSecretValue"), SECRET),
                new ExecutionGrant(List.of("ssm:GetParameters"), PARAMETER));
        assertThat(ruleIds(published("Task Definition Validated"))).doesNotContain("EXEC-SECRETS-SM",
                "EXEC-SECRETS-SSM");
        JsonNode remediated = published("Execution Role Remediated");
        assertThat(remediated.field("granted").orElseThrow().asArray()).hasSize(2)
                .anySatisfy(g -> assertThat(g.field("why").orElseThrow().asString()).contains("DB_PASSWORD"));

        recorder.clear();
        Map<String, Object> replay = handler(REMEDIATE).handleRequest(event(), context());

        assertThat(replay).containsEntry("passed", true);
        assertThat(recorder.writes()).doesNotContain("Iam:PutRolePolicy").allMatch(w -> w.endsWith(":PutEvents"));
    }

    @Test
    void remediate_whenTheSecretIsOutsideThePrefix_grantsNothingAndKeepsTheFinding() {
        Map<String, String> otherPrefix = new HashMap<>(REMEDIATE);
        otherPrefix.put("SECRETS_MANAGER_PREFIX", "prod/{service}/");

        Map<String, Object> result = handler(otherPrefix).handleRequest(event(), context());

        assertThat(result).containsEntry("passed", false);
        assertThat(grants()).containsExactly(new ExecutionGrant(List.of("ssm:GetParameters"), PARAMETER));
        assertThat(ruleIds(published("Task Definition Validated"))).contains("EXEC-SECRETS-SM");
        assertThat(published("Execution Role Remediated").field("refused").orElseThrow().asArray())
                .singleElement().satisfies(r -> assertThat(r.field("reason").orElseThrow().asString())
                        .contains("outside the configured SecretsManagerPrefix `prod/payments-api/`"));
    }

    @Test
    void audit_grantsNothing() {
        Map<String, String> audit = new HashMap<>(REMEDIATE);
        audit.put("MODE", "audit");

        handler(audit).handleRequest(event(), context());

        assertThat(grants()).isEmpty();
        assertThat(ruleIds(published("Task Definition Validated"))).contains("EXEC-SECRETS-SM", "EXEC-SECRETS-SSM");
    }

    @Test
    void remediate_whenTheExecutionRoleIsNotTaggedAsOurs_grantsNothing() {
        iam.untagRole(r -> r.roleName(EXEC_ROLE).tagKeys("ManagedBy"));

        handler(REMEDIATE).handleRequest(event(), context());

        assertThat(grants()).isEmpty();
        assertThat(ruleIds(published("Task Definition Validated"))).contains("EXEC-SECRETS-SM");
    }

    private List<ExecutionGrant> grants() {
        return iam.listRolePolicies(r -> r.roleName(EXEC_ROLE)).policyNames().contains(ExecutionGrants.POLICY_NAME)
                ? ExecutionGrants.parse(IamDocuments.decode(iam.getRolePolicy(r -> r.roleName(EXEC_ROLE)
                        .policyName(ExecutionGrants.POLICY_NAME)).policyDocument()))
                : List.of();
    }

    // Reading the capture queue consumes it, so everything read is kept for the next question.
    private JsonNode published(String detailType) {
        aws.publishedEvents().stream().map(Json::parse).forEach(published::add);
        return published.stream()
                .filter(e -> e.field("detail-type").orElseThrow().asString().equals(detailType))
                .map(e -> e.field("detail").orElseThrow()).reduce((first, last) -> last).orElseThrow();
    }

    private static List<String> ruleIds(JsonNode detail) {
        return detail.field("findings").orElseThrow().asArray().stream()
                .map(f -> f.field("ruleId").orElseThrow().asString()).toList();
    }

    private ValidateTaskDefinitionHandler handler(Map<String, String> config) {
        Map<String, String> env = new HashMap<>(moto.environment());
        env.putAll(config);
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        return new ValidateTaskDefinitionHandler(new TaskDefinitionValidation(ValidationConfig.fromEnvironment(env),
                clients), "us-east-1");
    }

    private static ScheduledEvent event() {
        return EventLoader.loadScheduledEvent(EVENT);
    }

    private static LocalContext context() {
        return new LocalContext("ValidateTaskDefinitionFunction", 60, 1024,
                new PrintStream(OutputStream.nullOutputStream()));
    }
}
