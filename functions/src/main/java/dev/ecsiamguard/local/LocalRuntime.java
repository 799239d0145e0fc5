package dev.ecsiamguard.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.ecsiamguard.handler.Priming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Invokes a handler the way the Lambda Java runtime does: it deserialises the event JSON with the runtime's own
 * serialization library (the input type is read from the handler's `RequestHandler` type arguments), calls
 * `handleRequest` with a {@link Context}, and serialises the result to JSON.
 *
 * <p>As a main class it is one cold start, like a new execution environment:
 * `LocalRuntime <handler class> <event file> [--prime]`, configured by the process environment; `--prime` runs
 * the handler's SnapStart priming after construction, as Lambda does before taking the snapshot.
 */
public final class LocalRuntime {

    private LocalRuntime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && !(args.length == 3 && args[2].equals("--prime"))) {
            System.err.println("usage: LocalRuntime <handler class>[::handleRequest] <event.json> [--prime]");
            System.exit(2);
        }
        String className = args[0].split("::")[0];
        Object handler = Class.forName(className).getDeclaredConstructor().newInstance();
        if (args.length == 3) {
            // What SnapStart does before its snapshot: run the handlers' CRaC beforeCheckpoint hooks.
            long start = System.nanoTime();
            int primed = Priming.runAll();
            System.err.printf("primed %d handler(s) in %d ms%n", primed, (System.nanoTime() - start) / 1_000_000);
        }
        String event = Files.readString(Path.of(args[1]));
        String functionName = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", className);
        System.out.println(invoke(handler, event, new LocalContext(functionName, 60, 1024, System.err)));
    }

    /** Runs one invocation and returns the response JSON, exactly as the runtime would write it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String invoke(Object handler, String eventJson, Context context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (handler instanceof RequestStreamHandler stream) {
            stream.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
            return out.toString(StandardCharsets.UTF_8);
        }
        if (!(handler instanceof RequestHandler requestHandler)) {
            throw new IllegalArgumentException("`" + handler.getClass().getName()
                    + "` implements neither RequestHandler nor RequestStreamHandler");
        }
        Class<?> inputType = inputType(handler.getClass());
        Object input = serializerFor(inputType).fromJson(eventJson);
        Object output = requestHandler.handleRequest(input, context);
        if (output == null) {
            return "null";
        }
        PojoSerializer outSerializer = serializerFor(output.getClass());
        outSerializer.toJson(output, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PojoSerializer<?> serializerFor(Class<?> type) {
        // The runtime picks the event serializer for aws-lambda-java-events classes, Jackson for everything else.
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, LocalRuntime.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
    }

    private static Class<?> inputType(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type arg = p.getActualTypeArguments()[0];
                    if (arg instanceof Class<?> k) {
                        return k;
                    }
                    if (arg instanceof ParameterizedType pa && pa.getRawType() instanceof Class<?> raw) {
                        return raw;
                    }
                }
            }
        }
        return Object.class;
    }
}
