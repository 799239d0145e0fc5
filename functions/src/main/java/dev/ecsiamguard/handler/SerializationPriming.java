package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Primes what the Lambda runtime does around each invocation: it reads the event JSON into the handler's input
 * type and writes the result as JSON with its own serialization library (Jackson and joda-time, shaded), which
 * is the larger part of the classes a first invocation loads. The runtime's classes are not in the package, so
 * they are reached by name; where they are absent (a runtime without them), there is nothing to prime.
 */
final class SerializationPriming {

    private static final String EVENTS = "com.amazonaws.services.lambda.runtime.serialization.events"
            + ".LambdaEventSerializers";
    private static final String JACKSON = "com.amazonaws.services.lambda.runtime.serialization.factories"
            + ".JacksonFactory";
    private static final String SERIALIZER = "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer";

    private SerializationPriming() {
    }

    /** Reads a sample event (JSON) into the handler's input type and writes it back, then writes a sample
     *  result, as the runtime does around an invocation; false if its serialization library is not there. */
    static boolean prime(Class<?> handler, String sampleEvent, Object sampleResult) {
        ClassLoader loader = handler.getClassLoader();
        Class<?> events;
        try {
            events = Class.forName(EVENTS, true, loader);
        } catch (ClassNotFoundException absent) {
            return false;
        }
        try {
            Class<?> input = inputType(handler);
            Object serializer = serializerFor(events, loader, input);
            Method toJson = Class.forName(SERIALIZER, true, loader).getMethod("toJson", Object.class,
                    OutputStream.class);
            Method fromJson = Class.forName(SERIALIZER, true, loader).getMethod("fromJson", InputStream.class);
            Object read = fromJson.invoke(serializer, new ByteArrayInputStream(sampleEvent.getBytes(
                    StandardCharsets.UTF_8)));
            if (read == null || !input.isInstance(read)) {
                throw new IllegalStateException("the runtime read no " + input.getSimpleName() + " from "
                        + sampleEvent);
            }
            toJson.invoke(serializer, read, OutputStream.nullOutputStream());
            toJson.invoke(serializerFor(events, loader, sampleResult.getClass()), sampleResult,
                    OutputStream.nullOutputStream());
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("priming the runtime's serialization failed: " + e, e);
        }
    }

    /** {@link #prime} with a sample event of the handler's input type (a CloudTrail event or an API request). */
    static boolean primeFor(Class<?> handler, String region) {
        String account = PrimingSamples.ACCOUNT;
        if (inputType(handler) == com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.class) {
            return prime(handler, "{\"resource\":\"/services/{service}\",\"path\":\"/services/priming-sample\","
                    + "\"httpMethod\":\"GET\",\"headers\":{\"Content-Type\":\"application/json\"},"
                    + "\"pathParameters\":{\"service\":\"priming-sample\"},\"requestContext\":{\"accountId\":\""
                    + account + "\",\"identity\":{\"userArn\":\"arn:aws:iam::" + account + ":role/priming\"}},"
                    + "\"body\":null,\"isBase64Encoded\":false}", new com.amazonaws.services.lambda.runtime.events
                    .APIGatewayProxyResponseEvent().withStatusCode(200).withHeaders(Map.of("Content-Type",
                    "application/json")).withBody("{\"status\":\"ok\"}"));
        }
        return prime(handler, "{\"version\":\"0\",\"id\":\"00000000-0000-0000-0000-000000000000\","
                + "\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.ecr\",\"account\":\"" + account
                + "\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"" + region + "\",\"resources\":[],"
                + "\"detail\":{\"eventVersion\":\"1.10\",\"eventSource\":\"ecr.amazonaws.com\","
                + "\"eventName\":\"CreateRepository\",\"awsRegion\":\"" + region + "\",\"requestParameters\":"
                + "{\"repositoryName\":\"" + PrimingSamples.REPOSITORY + "\"},\"responseElements\":null}}",
                sampleResult());
    }

    /** A result shaped like the handlers' own: nested maps and lists of strings, numbers, booleans, nulls. */
    static Map<String, Object> sampleResult() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("id", "PRIMING-SAMPLE");
        nested.put("severity", "HIGH");
        nested.put("passed", false);
        nested.put("count", 3);
        nested.put("ratio", 0.5);
        nested.put("none", null);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "ok");
        result.put("findings", List.of(nested));
        return result;
    }

    // The runtime's choice: its event serializer for aws-lambda-java-events classes, Jackson for the rest.
    private static Object serializerFor(Class<?> events, ClassLoader loader, Class<?> type)
            throws ReflectiveOperationException {
        if ((Boolean) events.getMethod("isLambdaSupportedEvent", String.class).invoke(null, type.getName())) {
            return events.getMethod("serializerFor", Class.class, ClassLoader.class).invoke(null, type, loader);
        }
        Object factory = Class.forName(JACKSON, true, loader).getMethod("getInstance").invoke(null);
        return factory.getClass().getMethod("getSerializer", Class.class).invoke(factory, type);
    }

    private static Class<?> inputType(Class<?> handler) {
        for (Type t : handler.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> input) {
                return input;
            }
        }
        throw new IllegalArgumentException(handler.getName() + " is not a RequestHandler of an event class");
    }
}
