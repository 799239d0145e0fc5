package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Bounded;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.EventMutator;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Mutated events from every file in `events/`, through every handler against moto, with a fixed seed: no
 * exception escapes but AWS errors (which EventBridge retries), nothing is written for an input that ends
 * rejected, and every message and log line stays under its cap.
 */
class HandlerFuzzMotoTest {

    private static final long SEED = 20261201L;
    // Per handler kind; `-Dfuzz.mutations=300` for a longer run.
    private static final int MUTATIONS = Integer.getInteger("fuzz.mutations", 40);
    private static final int MESSAGE_CAP = Bounded.MESSAGE + 40;

    @Test
    void everyHandler_survivesMutatedEventsWithoutPartialWritesOrUnboundedEcho() throws Exception {
        MotoServer moto = MotoServer.get();
        moto.reset();
        LocalAws aws = new LocalAws(moto);
        aws.deployApplicationBus();
        aws.createRepository("payments/api", Map.of());
        aws.createRepository("orders", Map.of());
        // The revision and roles the sample validation event names, so valid variants are really validated.
        ValidateTaskDefinitionHandlerMotoTest.createRoles(aws.clients().iam(), false);
        ValidateTaskDefinitionHandlerMotoTest.register(aws.clients().ecs(),
                ValidateTaskDefinitionHandlerMotoTest.EVENT);
        CallRecorder recorder = new CallRecorder();
        AllHandlers handlers = new AllHandlers(moto, recorder);
        Map<AllHandlers.Kind, List<String>> samples = samplesByKind();
        EventMutator mutator = new EventMutator(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        long started = System.nanoTime();
        int invocations = 0;
        int longestLine = 0;

        for (AllHandlers.Kind kind : AllHandlers.Kind.values()) {
            List<String> files = samples.get(kind);
            for (int i = 0; i < MUTATIONS; i++) {
                EventMutator.Mutation m = mutator.mutate(files.get(i % files.size()));
                recorder.clear();
                String outcome = invokeOnce(handlers, kind, m, recorder, problems);
                String log = handlers.takeLog();
                for (String line : log.split("\n")) {
                    longestLine = Math.max(longestLine, line.length());
                    if (line.length() > LogLine.CEILING) {
                        problems.add(kind + " " + m.kind() + ": log line of " + line.length() + " characters");
                    }
                }
                outcomes.merge(kind + " " + outcome, 1, Integer::sum);
                invocations++;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("fuzz: seed %d, %d invocations in %d ms, longest log line %d characters, outcomes %s%n",
                SEED, invocations, millis, longestLine, outcomes);

        assertThat(problems).isEmpty();
        assertThat(outcomes.keySet()).anyMatch(o -> o.endsWith("rejected"));
    }

    // One invocation; the outcome is its status (or HTTP status class), problems are added to the list.
    private static String invokeOnce(AllHandlers handlers, AllHandlers.Kind kind, EventMutator.Mutation m,
                                     CallRecorder recorder, List<String> problems) {
        String answer;
        try {
            answer = handlers.invoke(kind, m.json());
        } catch (SdkException aws) {
            return "aws-error (retried by EventBridge)";
        } catch (Exception | StackOverflowError e) {
            // The Lambda runtime itself refuses what does not deserialize into the handler's event type.
            boolean refusedByRuntime = e instanceof java.io.UncheckedIOException
                    || String.valueOf(e.getClass().getName()).contains("jackson");
            if (!refusedByRuntime || !recorder.calls().isEmpty()) {
                problems.add(kind + " " + m.kind() + ": " + e.getClass().getName() + ": "
                        + Bounded.value(String.valueOf(e.getMessage())));
            }
            return "refused by the runtime's deserializer";
        }
        Map<String, JsonNode> result = Json.parse(answer).asObject();
        String status;
        String message = "";
        if (kind == AllHandlers.Kind.API) {
            int code = Integer.parseInt(result.get("statusCode").asNumber());
            status = code + "";
            Map<String, JsonNode> body = Json.parse(result.get("body").asString()).asObject();
            if (body.containsKey("error")) {
                message = body.get("error").asObject().get("message").asString();
            }
            if (code == 500) {
                problems.add(kind + " " + m.kind() + ": answered 500");
            }
        } else {
            status = result.get("status").asString();
            message = result.containsKey("error") ? result.get("error").asString() : "";
        }
        boolean rejected = status.equals("rejected") || status.startsWith("4");
        if (rejected && !recorder.writes().isEmpty()) {
            problems.add(kind + " " + m.kind() + ": " + status + " after writes " + recorder.writes());
        }
        if (message.length() > MESSAGE_CAP) {
            problems.add(kind + " " + m.kind() + ": message of " + message.length() + " characters");
        }
        return rejected && !status.equals("rejected") ? "4xx" : status;
    }

    private static Map<AllHandlers.Kind, List<String>> samplesByKind() throws Exception {
        Map<AllHandlers.Kind, List<String>> byKind = new EnumMap<>(AllHandlers.Kind.class);
        try (Stream<Path> files = Files.walk(AllHandlers.EVENTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(file);
                if (!text.trim().startsWith("{") || !isJson(text)) {
                    continue;
                }
                String relative = AllHandlers.EVENTS.relativize(file).toString();
                byKind.computeIfAbsent(AllHandlers.kindOf(relative), k -> new ArrayList<>()).add(text);
            }
        }
        assertThat(byKind).containsOnlyKeys(AllHandlers.Kind.values());
        return byKind;
    }

    private static boolean isJson(String text) {
        try {
            Json.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
