package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.IamDocuments;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Request;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/** Capabilities declared in repository tags, end to end against moto: the role IAM holds, judged by the engine. */
class CapabilityProvisioningMotoTest {

    private static final String EVENT = "events/cloudtrail/ecr-create-repository.json";
    private static final String TASK_ROLE = "ecs-payments-api-task-role";

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final CallRecorder recorder = new CallRecorder();
    private IamClient iam;

    @BeforeEach
    void deploy() {
        moto.reset();
        aws.deployApplicationBus();
        iam = aws.clients().iam();
    }

    @Test
    void provision_whenTagsDeclareResourceCapabilities_createsARoleAllowedThoseAndNothingBeside() {
        aws.createRepository("payments/api", Map.of(
                "ecs-iam-guard:capabilities", "exec s3.read-write=payments-uploads/invoices sqs.consume=payments-jobs",
                "ecs-iam-guard:capabilities:2", "dynamodb=payments secrets=db/ metrics=PaymentsApi"));

        Map<String, Object> result = handler().handleRequest(event(), context());

        assertThat(result).containsEntry("status", "ok");
        PolicyEvaluator role = PolicyEvaluator.of(new NamedPolicy("task", PolicyDocument.parseIdentity(
                IamDocuments.decode(iam.getRolePolicy(r -> r.roleName(TASK_ROLE)
                        .policyName("ecs-iam-guard-task-capabilities")).policyDocument()))));
        assertThat(allowed(role, "s3:PutObject", "arn:aws:s3:::payments-uploads/invoices/1.pdf")).isTrue();
        assertThat(allowed(role, "s3:PutObject", "arn:aws:s3:::payments-uploads/receipts/1.pdf")).isFalse();
        assertThat(allowed(role, "sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:123456789012:payments-jobs")).isTrue();
        assertThat(allowed(role, "sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:123456789012:billing-jobs")).isFalse();
        assertThat(allowed(role, "dynamodb:Query", "arn:aws:dynamodb:us-east-1:123456789012:table/payments"))
                .isTrue();
        assertThat(allowed(role, "dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/payments"))
                .isFalse();
        assertThat(allowed(role, "secretsmanager:GetSecretValue",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/payments-api/db/main-AbCdEf")).isTrue();
        assertThat(allowed(role, "ssmmessages:OpenDataChannel", "*")).isTrue();

        recorder.clear();
        assertThat(handler().handleRequest(event(), context())).extracting(r -> r.get("changes"))
                .asList().isEmpty();
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void provision_whenATagDeclaresAnotherAccountsQueue_isRejectedNamingTheTagAndWritesNothing() {
        aws.createRepository("payments/api", Map.of("ecs-iam-guard:capabilities",
                "exec sqs.send=arn:aws:sqs:us-east-1:210987654321:payments-jobs"));

        Map<String, Object> result = handler().handleRequest(event(), context());

        assertThat(result).containsEntry("status", "rejected");
        assertThat((String) result.get("error")).startsWith("tag ecs-iam-guard:capabilities item 2: ")
                .contains("not this stack's account 123456789012");
        assertThat(recorder.writes()).isEmpty();
        assertThat(iam.listRoles().roles()).isEmpty();
    }

    private static boolean allowed(PolicyEvaluator role, String action, String resource) {
        return role.evaluate(Request.of(action, resource).with("aws:ResourceAccount", "123456789012")
                .withCompleteContext()).isAllowed();
    }

    private ProvisionOnRepositoryHandler handler() {
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        return new ProvisionOnRepositoryHandler(new ServiceProvisioner(
                ProvisioningConfig.fromEnvironment(moto.environment()), clients, LocalAws.BUS), "us-east-1");
    }

    private static ScheduledEvent event() {
        return EventLoader.loadScheduledEvent(EVENT);
    }

    private static LocalContext context() {
        return new LocalContext("ProvisionOnRepositoryFunction", 60, 1024,
                new PrintStream(OutputStream.nullOutputStream()));
    }
}
