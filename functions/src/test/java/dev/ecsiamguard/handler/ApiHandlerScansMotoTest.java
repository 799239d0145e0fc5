package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ecsiamguard.app.ApiApplication;
import dev.ecsiamguard.app.ScanRequests;
import dev.ecsiamguard.app.ServiceFindings;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** `POST /scans` starts an execution of the sweep state machine (moto's Step Functions); `GET /scans/{id}` reads it. */
class ApiHandlerScansMotoTest {

    private static final MotoServer MOTO = MotoServer.get();
    private static final String DEFINITION =
            "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}";

    private AwsClients clients;
    private String machine;

    @BeforeEach
    void stateMachine() {
        MOTO.reset();
        clients = new AwsClients(MOTO.settings());
        machine = clients.sfn().createStateMachine(r -> r.name("ecs-iam-guard-sweep").definition(DEFINITION)
                .roleArn("arn:aws:iam::123456789012:role/sweep-machine")).stateMachineArn();
    }

    @Test
    void postThenGet_startsAnExecutionNamedByTheScanIdAndReportsItsStatusAndReportLocation() throws Exception {
        Response started = call(handler(Optional.of(machine)), "POST", "/scans", Map.of());

        assertThat(started.status()).isEqualTo(202);
        String scanId = started.body().get("scanId").asString();
        assertThat(started.body().get("executionArn").asString())
                .isEqualTo(machine.replace(":stateMachine:", ":execution:") + ":" + scanId);
        assertThat(clients.sfn().listExecutions(r -> r.stateMachineArn(machine)).executions())
                .singleElement().satisfies(e -> assertThat(e.name()).isEqualTo(scanId));

        Response status = call(handler(Optional.of(machine)), "GET", "/scans/{id}", Map.of("id", scanId));

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().get("scanId").asString()).isEqualTo(scanId);
        assertThat(status.body().get("status").asString()).isIn("RUNNING", "SUCCEEDED");
        assertThat(status.body().get("report").asObject().get("json").asString())
                .isEqualTo("s3://sweep-bucket/scans/" + scanId + "/report.json");
    }

    @Test
    void get_unknownOrInvalidId_isAnsweredWithoutGuessing() throws Exception {
        Response unknown = call(handler(Optional.of(machine)), "GET", "/scans/{id}", Map.of("id", "no-such-scan"));
        Response invalid = call(handler(Optional.of(machine)), "GET", "/scans/{id}", Map.of("id", "a.b:c"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").asObject().get("code").asString()).isEqualTo("scan_not_found");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("error").asObject().get("field").asString()).isEqualTo("id");
    }

    @Test
    void post_withoutAStateMachine_isNotImplementedAndStartsNothing() throws Exception {
        Response response = call(handler(Optional.empty()), "POST", "/scans", Map.of());

        assertThat(response.status()).isEqualTo(501);
        assertThat(clients.sfn().listExecutions(r -> r.stateMachineArn(machine)).executions()).isEmpty();
    }

    private record Response(int status, Map<String, JsonNode> body) {
    }

    private ApiHandler handler(Optional<String> stateMachine) {
        ApiApplication app = new ApiApplication(ProvisioningConfig.fromEnvironment(MOTO.environment()), clients,
                "ecs-iam-guard", Severity.HIGH, ApiApplication.DEFAULT_MAX_REQUEST_BYTES, ServiceFindings.NONE)
                .withScans(new ScanRequests(clients::sfn, stateMachine, "sweep-bucket"));
        return new ApiHandler(app);
    }

    private static Response call(ApiHandler handler, String method, String resource, Map<String, String> path)
            throws Exception {
        String sample = Files.readString(Path.of("..", "events", "apigw", "get-service.json"));
        String json = sample.replace("\"resource\": \"/services/{service}\"", "\"resource\": \"" + resource + "\"")
                .replace("\"resourcePath\": \"/services/{service}\"", "\"resourcePath\": \"" + resource + "\"")
                .replace("\"httpMethod\": \"GET\"", "\"httpMethod\": \"" + method + "\"")
                .replace("\"pathParameters\": {\n    \"service\": \"payments-api\"\n  }",
                        "\"pathParameters\": " + (path.isEmpty() ? "null" : Json.write(path)));
        APIGatewayProxyResponseEvent response = handler.handleRequest(
                ApiHandlerMotoFixture.loadEventText(json), ApiHandlerMotoFixture.context());
        return new Response(response.getStatusCode(), Json.parse(response.getBody()).asObject());
    }
}
