package dev.ecsiamguard.handler;

import static dev.ecsiamguard.handler.ValidateTaskDefinitionHandlerMotoTest.EVENT;
import static dev.ecsiamguard.handler.ValidateTaskDefinitionHandlerMotoTest.EXEC_ROLE;
import static dev.ecsiamguard.handler.ValidateTaskDefinitionHandlerMotoTest.SECRET;
import static dev.ecsiamguard.handler.ValidateTaskDefinitionHandlerMotoTest.read;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.app.TaskDefinitionValidation;
import dev.ecsiamguard.app.ValidationConfig;
import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.DynamoDbServiceSpecStore;
import dev.ecsiamguard.aws.IamDocuments;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.spec.ServiceSpec;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.TaskDefinitionRequests;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Remediate mode against moto: payments-api provisioned without prefix reads (as provisioning runs in remediate
 * mode), its revision registered with the secret it injects as Secrets Manager names it, and the validation
 * function's handler with a recorder of every AWS call.
 */
final class RemediationMotoFixture {

    static final Map<String, String> REMEDIATE = Map.of("MODE", "remediate",
            "SECRETS_MANAGER_PREFIX", "dev/{service}/", "SSM_PARAMETER_PREFIX", "/dev/{service}/");

    final MotoServer moto = MotoServer.get();
    final LocalAws aws = new LocalAws(moto);
    final CallRecorder recorder = new CallRecorder();
    private final List<JsonNode> published = new ArrayList<>();
    final IamClient iam;

    RemediationMotoFixture() {
        moto.reset();
        aws.deployApplicationBus();
        iam = aws.clients().iam();
        AccountRoleLookup.forgetManagedPolicies();
        aws.createRepository("payments/api", Map.of("ecs-iam-guard:capabilities", "exec"));
        provision();
    }

    /** What a repository event (or a redelivery of it) provisions. */
    Map<String, Object> provision() {
        return new ProvisionOnRepositoryHandler(new ServiceProvisioner(ProvisioningConfig.fromEnvironment(
                moto.environment()), aws.clients(), LocalAws.BUS), "us-east-1").handleRequest(
                        EventLoader.loadScheduledEvent("events/cloudtrail/ecr-create-repository.json"), context());
    }

    /** Creates the revision's secret (`dev/payments-api/db`), encrypted with the key given (null: AWS managed). */
    String createSecret(String kmsKeyId) {
        return aws.clients().secretsManager().createSecret(r -> r.name("dev/payments-api/db").secretString("x")
                .kmsKeyId(kmsKeyId)).arn();
    }

    /** A customer managed key of this account and region, by ARN. */
    String createKey() {
        return aws.clients().kms().createKey(r -> r.description("payments-api secrets")).keyMetadata().arn();
    }

    /** Registers the sample revision, its secret replaced by the one given. */
    void register(String secretArn) {
        JsonNode detail = Json.parse(read(EVENT).replace(SECRET, secretArn)).field("detail").orElseThrow();
        aws.clients().ecs().registerTaskDefinition(TaskDefinitionRequests.fromCloudTrail(
                detail.field("requestParameters").orElseThrow()));
    }

    Map<String, Object> validate(Map<String, String> config) {
        Map<String, String> env = new HashMap<>(moto.environment());
        env.putAll(config);
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        return new ValidateTaskDefinitionHandler(new TaskDefinitionValidation(ValidationConfig.fromEnvironment(env),
                clients), "us-east-1").handleRequest(EventLoader.loadScheduledEvent(EVENT), context());
    }

    /** The ARNs payments-api's spec records as granted to its execution role. */
    List<String> specGrants() {
        return spec().executionGrants();
    }

    ServiceSpec spec() {
        return DynamoDbServiceSpecStore.fromEnvironment(Map.of(), aws.clients()).read(EXEC_ROLE).orElseThrow();
    }

    /** The execution role's policies as IAM holds them now, for the engine to question. */
    PolicyEvaluator executionRole() {
        List<NamedPolicy> policies = new ArrayList<>();
        for (String name : iam.listRolePolicies(r -> r.roleName(EXEC_ROLE)).policyNames()) {
            policies.add(new NamedPolicy(name, PolicyDocument.parseIdentity(IamDocuments.decode(iam.getRolePolicy(
                    r -> r.roleName(EXEC_ROLE).policyName(name)).policyDocument()))));
        }
        return new PolicyEvaluator(policies, null);
    }

    String executionPolicy() {
        return IamDocuments.decode(iam.getRolePolicy(r -> r.roleName(EXEC_ROLE)
                .policyName(ServiceBlueprint.EXECUTION_POLICY_NAME)).policyDocument());
    }

    // Reading the capture queue consumes it, so everything read is kept for the next question.
    JsonNode published(String detailType) {
        aws.publishedEvents().stream().map(Json::parse).forEach(published::add);
        return published.stream()
                .filter(e -> e.field("detail-type").orElseThrow().asString().equals(detailType))
                .map(e -> e.field("detail").orElseThrow()).reduce((first, last) -> last).orElseThrow();
    }

    static List<String> ruleIds(JsonNode detail) {
        return detail.field("findings").orElseThrow().asArray().stream()
                .map(f -> f.field("ruleId").orElseThrow().asString()).toList();
    }

    static ScheduledEvent event() {
        return EventLoader.loadScheduledEvent(EVENT);
    }

    static LocalContext context() {
        return new LocalContext("ValidateTaskDefinitionFunction", 60, 1024,
                new PrintStream(OutputStream.nullOutputStream()));
    }
}
