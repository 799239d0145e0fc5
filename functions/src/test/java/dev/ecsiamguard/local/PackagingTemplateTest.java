package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every function of template.yaml is built by functions/Makefile as its own shrunk package, with its handler. */
class PackagingTemplateTest {

    private static final Pattern MAPPING = Pattern.compile("(?m)^HANDLER_(\\w+) := (\\S+)$");

    @Test
    void everyFunction_isBuiltByTheMakefileWithTheTemplatesHandler() throws Exception {
        SamTemplate template = SamTemplate.load(Path.of("..", "template.yaml"), Map.of(), "us-east-1");
        String makefile = Files.readString(Path.of("Makefile"));
        Map<String, Object> resources = SamTemplate.map(template.raw().get("Resources"));

        for (String id : template.functionIds()) {
            Map<String, Object> metadata = SamTemplate.map(SamTemplate.map(resources.get(id)).get("Metadata"));
            assertThat(metadata).as(id).containsEntry("BuildMethod", "makefile");
            Matcher m = MAPPING.matcher(makefile);
            String mapped = null;
            while (m.find()) {
                if (m.group(1).equals(id)) {
                    mapped = m.group(2);
                }
            }
            String handler = template.function(id).handler().split("::")[0];
            assertThat(mapped).as("Makefile mapping of " + id).isEqualTo(handler);
            assertThat(RequestHandler.class).isAssignableFrom(Class.forName(handler));
        }
    }
}
