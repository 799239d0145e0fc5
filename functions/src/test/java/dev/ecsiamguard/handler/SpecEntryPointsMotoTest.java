package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Every entry point changes one spec: what the API declared survives the repository event's redelivery, and an
 * announcement lost after every write succeeded is made by the retry.
 */
class SpecEntryPointsMotoTest extends ApiHandlerMotoFixture {

    private static final String ORDERS_EVENT = "events/cloudtrail/ecr-create-repository-orders.json";

    @Test
    void apiDeclaration_survivesTheRepositoryEventRedelivered() throws Exception {
        provisioning(new ExecutionInterceptor[0]).handleRequest(event(), context());
        assertThat(handler().handleRequest(loadEvent("apigw/post-service-roles.json"), context()).getStatusCode())
                .isEqualTo(200);
        recorder.clear();

        Map<String, Object> redelivered = provisioning(new ExecutionInterceptor[0]).handleRequest(event(), context());

        assertThat(redelivered).containsEntry("status", "ok").containsEntry("changes", List.of());
        assertThat(redelivered.get("notes").toString()).doesNotContain("did not write", "no longer asks");
        assertThat(recorder.writes()).isEmpty();
        assertThat(policy("ecs-orders-task-role", "ecs-iam-guard-task-capabilities"))
                .contains("ssmmessages:CreateControlChannel", "xray:PutTraceSegments");
        assertThat(policy("ecs-orders-execution-role", "ecs-iam-guard-execution"))
                .contains("arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/orders/*");
    }

    @Test
    void apiOfAnotherEnvironmentsStack_answers409AndWritesNothing() {
        provisioning(new ExecutionInterceptor[0]).handleRequest(event(), context());
        Map<String, String> prodEnv = new java.util.HashMap<>(moto.environment());
        prodEnv.put("ENVIRONMENT", "prod");
        ApiHandler prod = new ApiHandler(new dev.ecsiamguard.app.ApiApplication(
                ProvisioningConfig.fromEnvironment(prodEnv), new AwsClients(moto.settings().withInterceptor(recorder)),
                dev.ecsiamguard.testing.LocalAws.BUS, dev.ecsiamguard.core.Severity.HIGH,
                dev.ecsiamguard.app.ApiApplication.DEFAULT_MAX_REQUEST_BYTES,
                dev.ecsiamguard.app.ServiceFindings.NONE));
        recorder.clear();

        var response = prod.handleRequest(loadEvent("apigw/post-service-roles.json"), context());

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getBody()).contains("belongs to environment `dev`");
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void putEventsFailingAfterEveryWrite_isAnnouncedByTheRetryThenNeverAgain() {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        ExecutionInterceptor putEventsFails = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if ("PutEvents".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                        && failuresLeft.getAndDecrement() > 0) {
                    throw SdkClientException.create("injected: PutEvents failed");
                }
            }
        };
        ProvisionOnRepositoryHandler flaky = provisioning(new ExecutionInterceptor[] {putEventsFails});

        assertThatThrownBy(() -> flaky.handleRequest(event(), context())).isInstanceOf(SdkClientException.class);
        assertThat(iam.getRole(r -> r.roleName("ecs-orders-task-role")).role()).isNotNull();
        assertThat(aws.publishedEvents()).isEmpty();
        recorder.clear();

        Map<String, Object> retry = flaky.handleRequest(event(), context());

        assertThat(retry).containsEntry("changes", List.of());
        assertThat(recorder.writes()).containsExactly("EventBridge:PutEvents", "DynamoDb:PutItem");
        List<String> published = aws.publishedEvents();
        assertThat(published).hasSize(1);
        assertThat(published.get(0)).contains("Service Roles Provisioned", "ecs-orders-execution-role");
        recorder.clear();

        flaky.handleRequest(event(), context());

        assertThat(recorder.writes()).isEmpty();
        assertThat(aws.publishedEvents()).isEmpty();
    }

    private ProvisionOnRepositoryHandler provisioning(ExecutionInterceptor[] faults) {
        var settings = moto.settings().withInterceptor(recorder);
        for (ExecutionInterceptor fault : faults) {
            settings = settings.withInterceptor(fault);
        }
        return new ProvisionOnRepositoryHandler(new ServiceProvisioner(
                ProvisioningConfig.fromEnvironment(moto.environment()), new AwsClients(settings),
                dev.ecsiamguard.testing.LocalAws.BUS), "us-east-1");
    }

    private static ScheduledEvent event() {
        return EventLoader.loadScheduledEvent(ORDERS_EVENT);
    }
}
