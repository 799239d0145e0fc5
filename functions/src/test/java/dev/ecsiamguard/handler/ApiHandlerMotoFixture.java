package dev.ecsiamguard.handler;

import dev.ecsiamguard.app.ApiApplication;
import dev.ecsiamguard.app.ServiceFindings;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.IamDocuments;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.LocalInvoker;
import dev.ecsiamguard.local.SamTemplate;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Shared set-up for the API function's moto tests: the application bus and two repositories, invoked as
 * `template.yaml` declares it through the local invoker, or directly with a call recorder for write counts.
 */
abstract class ApiHandlerMotoFixture {

    static final Path EVENTS = Path.of("..", "events");

    final MotoServer moto = MotoServer.get();
    final LocalAws aws = new LocalAws(moto);
    final CallRecorder recorder = new CallRecorder();
    IamClient iam;

    @BeforeEach
    void deployAndCreateRepositories() {
        moto.reset();
        aws.deployApplicationBus();
        aws.createRepository("payments/api", Map.of("ecs-iam-guard:capabilities", "exec"));
        aws.createRepository("orders", Map.of());
        iam = aws.clients().iam();
    }

    record Response(int status, Map<String, JsonNode> body) {
    }

    Response invoke(String eventJson) throws Exception {
        return invoke(eventJson, Map.of());
    }

    Response invoke(String eventJson, Map<String, String> overrides) throws Exception {
        SamTemplate.Function function = SamTemplate.load(Path.of("..", "template.yaml"), Map.of(), "us-east-1")
                .function("ApiFunction");
        Map<String, String> env = LocalInvoker.environment(function, moto.environment(), overrides);
        String out = LocalInvoker.invokeInProcess(function, env, eventJson,
                new PrintStream(OutputStream.nullOutputStream()));
        Map<String, JsonNode> response = Json.parse(out).asObject();
        return new Response(Integer.parseInt(response.get("statusCode").asNumber()),
                Json.parse(response.get("body").asString()).asObject());
    }

    ApiHandler handler() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(moto.environment());
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        return new ApiHandler(new ApiApplication(config, clients, LocalAws.BUS, Severity.HIGH,
                ApiApplication.DEFAULT_MAX_REQUEST_BYTES, ServiceFindings.NONE));
    }

    // The sample provisioning request names service `orders` in its path and path parameters.
    static String forService(String json, String service) {
        return json.replace("/orders/", "/" + service + "/")
                .replace("\"service\": \"orders\"", "\"service\": \"" + service + "\"");
    }

    static String read(String file) throws Exception {
        return Files.readString(EVENTS.resolve(file));
    }

    static com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent loadEvent(String file) {
        return com.amazonaws.services.lambda.runtime.tests.EventLoader.loadApiGatewayRestEvent("events/" + file);
    }

    static com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent loadEventText(String json)
            throws Exception {
        Path file = Files.createTempFile("apigw-", ".json");
        Files.writeString(file, json);
        return com.amazonaws.services.lambda.runtime.tests.EventLoader.loadApiGatewayRestEvent(file.toString());
    }

    String policy(String role, String name) {
        return IamDocuments.decode(iam.getRolePolicy(r -> r.roleName(role).policyName(name)).policyDocument());
    }

    static List<String> texts(JsonNode array) {
        return array.asArray().stream().map(JsonNode::asString).toList();
    }

    static LocalContext context() {
        return new LocalContext("ApiFunction", 29, 1024, new PrintStream(OutputStream.nullOutputStream()));
    }
}
