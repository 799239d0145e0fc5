package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ecsiamguard.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class LocalRuntimeTest {

    private final Context context = new LocalContext("test-function", 10, 512,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @Test
    void invoke_whenBareHandlerGetsSampleEvent_returnsStatusOkJson() throws IOException {
        String response = LocalRuntime.invoke(new BareHandler(), sample(), context);

        Map<String, JsonNode> json = Json.parse(response).asObject();
        assertThat(json).containsOnlyKeys("status");
        assertThat(json.get("status").text()).isEqualTo("ok");
    }

    @Test
    void invoke_whenHandlerReadsEvent_receivesItDeserialisedWithTheLambdaSerializer() throws IOException {
        String response = LocalRuntime.invoke(new EchoHandler(), sample(), context);

        Map<String, JsonNode> json = Json.parse(response).asObject();
        assertThat(json.get("detailType").text()).isEqualTo("AWS API Call via CloudTrail");
        assertThat(json.get("region").text()).isEqualTo("us-east-1");
        assertThat(json.get("eventName").text()).isEqualTo("CreateRepository");
        assertThat(json.get("function").text()).isEqualTo("test-function");
    }

    @Test
    void invoke_whenStreamHandler_passesRawBytesThrough() throws IOException {
        RequestStreamHandler upperCase = (InputStream in, OutputStream out, Context c) ->
                out.write(new String(in.readAllBytes(), StandardCharsets.UTF_8).toUpperCase()
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(LocalRuntime.invoke(upperCase, "{\"a\":\"b\"}", context)).isEqualTo("{\"A\":\"B\"}");
    }

    @Test
    void invoke_whenHandlerReturnsNull_returnsJsonNull() throws IOException {
        assertThat(LocalRuntime.invoke(new NullHandler(), sample(), context)).isEqualTo("null");
    }

    @Test
    void invoke_whenObjectIsNotAHandler_rejectsNamingTheClass() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalRuntime.invoke(new Object(), "{}", context))
                .withMessageContaining("java.lang.Object");
    }

    private static String sample() throws IOException {
        try (InputStream in = LocalRuntimeTest.class.getResourceAsStream(
                "/events/cloudtrail/ecr-create-repository.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static final class EchoHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
            return Map.of("detailType", event.getDetailType(), "region", event.getRegion(),
                    "eventName", event.getDetail().get("eventName"), "function", context.getFunctionName());
        }
    }

    static final class NullHandler implements RequestHandler<ScheduledEvent, String> {
        @Override
        public String handleRequest(ScheduledEvent event, Context context) {
            return null;
        }
    }
}
