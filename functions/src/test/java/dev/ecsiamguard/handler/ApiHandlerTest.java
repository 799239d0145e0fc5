package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.local.LocalContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The API handler with the sample requests in `events/`, and no AWS to talk to (a closed local port): whatever
 * these answer, they answer before any AWS call.
 */
class ApiHandlerTest {

    private static final Map<String, String> NO_AWS = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1",
            "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-east-1");

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @ParameterizedTest
    @CsvSource({
        "events/invalid/apigw-post-service-roles-malformed-json.json, 400, malformed_body, body",
        "events/invalid/apigw-post-service-roles-unknown-capability.json, 400, invalid_request, capabilities[1]",
        "events/invalid/apigw-post-service-roles-foreign-account-queue.json, 400, invalid_request, capabilities[1]",
        "events/invalid/apigw-post-service-roles-bad-service.json, 400, invalid_request, service",
        "events/invalid/apigw-post-validations-too-large.json, 413, request_too_large, body",
        "events/invalid/apigw-post-github-deploy-roles-wildcard-branch.json, 400, invalid_request, branches[0]",
        "events/invalid/apigw-unknown-route.json, 404, route_not_found, ",
    })
    void handleRequest_whenRequestCannotBeServed_answersJsonErrorWithoutAwsCalls(String file, int status, String code,
                                                                               String field) {
        APIGatewayProxyResponseEvent response = handle(EventLoader.loadApiGatewayRestEvent(file));

        assertThat(response.getStatusCode()).as(file).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        Map<String, JsonNode> error = Json.parse(response.getBody()).asObject().get("error").asObject();
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
        if (field != null) {
            assertThat(error.get("field").asString()).isEqualTo(field);
            assertThat(error.get("message").asString()).contains(field);
        }
        Map<String, JsonNode> line = logLine();
        assertThat(line.get("awsCalls").asNumber()).isEqualTo("0");
        assertThat(line.get("level").asString()).isEqualTo("WARN");
        assertThat(line.get("caller") == null ? "" : line.get("caller").asString())
                .isIn("", "arn:aws:sts::123456789012:assumed-role/platform-deployer/deployer");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/get-service.json", type = APIGatewayProxyRequestEvent.class)
    void handleRequest_whenAwsFails_answers500WithoutDetailsAndLogsTheCause(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("127.0.0.1").doesNotContain("Exception")
                .contains("\"code\":\"internal_error\"");
        Map<String, JsonNode> line = logLine();
        assertThat(line.get("level").asString()).isEqualTo("ERROR");
        assertThat(line.get("cause").asString()).contains("SdkClientException");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-validations.json", type = APIGatewayProxyRequestEvent.class)
    void handleRequest_whenLimitIsLowered_answers413BeforeParsing(APIGatewayProxyRequestEvent event) {
        event.setBody("{" + " ".repeat(2048));
        Map<String, String> env = new java.util.HashMap<>(NO_AWS);
        env.put("MAX_REQUEST_BYTES", "1024");

        APIGatewayProxyResponseEvent response = new ApiHandler(env).handleRequest(event, context());

        assertThat(response.getStatusCode()).isEqualTo(413);
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return new ApiHandler(NO_AWS).handleRequest(event, context());
    }

    private LocalContext context() {
        return new LocalContext("ApiFunction", 29, 1024, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private Map<String, JsonNode> logLine() {
        String[] lines = log.toString(StandardCharsets.UTF_8).trim().split("\n");
        return Json.parse(lines[lines.length - 1]).asObject();
    }
}
