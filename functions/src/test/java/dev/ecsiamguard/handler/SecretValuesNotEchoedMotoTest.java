package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Credentials written into a task definition's environment are reported by name on every surface — the
 * validation event, the API answer, the log — and their values appear on none of them, nor in any request the
 * functions send to AWS (the published events included).
 */
class SecretValuesNotEchoedMotoTest {

    // Split so that no scanner of this repository mistakes the test data for a leaked credential.
    private static final String KEY_ID = "AKIA" + "Q7XWTESTCANARY42";
    private static final String DB_URL = "postgres://app:" + "Canary-Pa55word" + "@db.internal:5432/app";
    private static final String TOKEN = "ghp_" + "CanaryT0kenForEchoCheck0123456789abcd";
    private static final List<String> VALUES = List.of(KEY_ID, "Canary-Pa55word", TOKEN);
    private static final String VARIABLES = "{\"name\": \"AWS_ACCESS_KEY_ID\", \"value\": \"" + KEY_ID + "\"}, "
            + "{\"name\": \"DATABASE_URL\", \"value\": \"" + DB_URL + "\"}, "
            + "{\"name\": \"GH_TOKEN\", \"value\": \"" + TOKEN + "\"}";

    /** Every request the SDK sends, as the SDK describes it (its description includes every field set). */
    private static final class RequestsSeen implements ExecutionInterceptor {
        final List<String> requests = new ArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.add(context.request().toString());
        }
    }

    @Test
    void everySurface_namesTheVariablesButNeverTheirValues() throws Exception {
        MotoServer moto = MotoServer.get();
        moto.reset();
        LocalAws aws = new LocalAws(moto);
        aws.deployApplicationBus();
        aws.createRepository("payments/api", Map.of());
        ValidateTaskDefinitionHandlerMotoTest.createRoles(aws.clients().iam(), true);
        String event = Files.readString(AllHandlers.EVENTS.resolve("cloudtrail/ecs-register-task-definition.json"))
                .replace("\"essential\": true,", "\"essential\": true, \"environment\": [" + VARIABLES + "],");
        assertThat(event).contains(TOKEN);
        ValidateTaskDefinitionHandlerMotoTest.registerFromText(aws.clients().ecs(), event);
        RequestsSeen seen = new RequestsSeen();
        AllHandlers handlers = new AllHandlers(moto, seen);

        String validated = handlers.invoke(AllHandlers.Kind.VALIDATE, event);
        String apiEvent = Files.readString(AllHandlers.EVENTS.resolve("apigw/post-validations.json"))
                .replace("\\\"environment\\\": [", "\\\"environment\\\": [" + VARIABLES.replace("\"", "\\\"") + ", ");
        assertThat(apiEvent).contains(TOKEN);
        String answered = handlers.invoke(AllHandlers.Kind.API, apiEvent);
        String log = handlers.takeLog();

        String published = String.join("\n", seen.requests.stream().filter(r -> r.startsWith("PutEventsRequest"))
                .toList());
        for (String surface : List.of(validated, answered, published, log)) {
            assertThat(surface).contains("AWS_ACCESS_KEY_ID", "DATABASE_URL", "GH_TOKEN");
        }
        for (String surface : List.of(validated, answered, log, String.join("\n", seen.requests))) {
            for (String value : VALUES) {
                assertThat(surface).doesNotContain(value);
            }
        }
    }
}
