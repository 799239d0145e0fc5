package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * functions/Makefile keeps joda-time whole (packaging/scheduled-event.pro) exactly in the packages whose handler's
 * input event has a joda DateTime property, which the Lambda runtime parses by reflection, and the DateTime class
 * the runtime loads for any other Lambda event class (packaging/lambda-event.pro): a handler that starts taking
 * such an event without its rule would fail to deserialise its events in the cloud (scripts/check-packages shows
 * it), and one that does not take one would carry up to 0.6 MB it never loads.
 */
class PackagingRulesTest {

    private static final Pattern LINE = Pattern.compile("(?m)^(HANDLER|RULES)_(\\w+) := (.*)$");

    @Test
    void jodaTime_isKeptExactlyForTheHandlersWhoseEventHasADateTime() throws Exception {
        String makefile = Files.readString(Path.of("Makefile"));
        Map<String, String> handlers = new java.util.TreeMap<>();
        Map<String, List<String>> rules = new java.util.TreeMap<>();
        Matcher m = LINE.matcher(makefile);
        while (m.find()) {
            if (m.group(1).equals("HANDLER")) {
                handlers.put(m.group(2), m.group(3).strip());
            } else {
                rules.put(m.group(2), Arrays.asList(m.group(3).strip().split("\\s+")));
            }
        }
        assertThat(handlers).hasSize(6);
        assertThat(rules.keySet()).isSubsetOf(handlers.keySet());
        for (Map.Entry<String, String> e : handlers.entrySet()) {
            Class<?> input = inputType(Class.forName(e.getValue()));
            boolean lambdaEvent = input.getName().startsWith("com.amazonaws.services.lambda.runtime.events.");
            boolean dated = hasJodaDateTime(input);
            List<String> listed = rules.getOrDefault(e.getKey(), List.of());
            assertThat(listed.contains("scheduled-event"))
                    .as("RULES_%s has scheduled-event (its input event has a joda DateTime: %s)", e.getKey(), dated)
                    .isEqualTo(dated);
            assertThat(listed.contains("lambda-event"))
                    .as("RULES_%s has lambda-event (its input %s is a Lambda event without a DateTime)",
                            e.getKey(), input.getSimpleName())
                    .isEqualTo(lambdaEvent && !dated);
        }
        for (List<String> names : rules.values()) {
            names.forEach(n -> assertThat(Path.of("packaging", n + ".pro")).exists());
        }
        assertThat(rules.get("ApiFunction")).containsExactly("lambda-event");
        assertThat(rules).containsKey("ProvisionOnRepositoryFunction").doesNotContainKey("SweepFunction");
    }

    private static Class<?> inputType(Class<?> handler) {
        for (Type t : handler.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                Type input = p.getActualTypeArguments()[0];
                return input instanceof ParameterizedType q ? (Class<?>) q.getRawType() : (Class<?>) input;
            }
        }
        throw new AssertionError(handler + " does not implement RequestHandler");
    }

    private static boolean hasJodaDateTime(Class<?> event) throws Exception {
        for (PropertyDescriptor d : Introspector.getBeanInfo(event).getPropertyDescriptors()) {
            if (d.getPropertyType() != null && d.getPropertyType().getName().startsWith("org.joda.time.")) {
                return true;
            }
        }
        return false;
    }
}
