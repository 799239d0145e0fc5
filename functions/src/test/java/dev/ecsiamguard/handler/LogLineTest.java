package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogLineTest {

    @Test
    void render_whenAValueIsHuge_cutsItWithAMarker() {
        String line = LogLine.render(Map.of("level", "WARN", "error", "x".repeat(3_000_000)));

        assertThat(line).hasSizeLessThan(5_000).contains("more characters]");
        assertThat(Json.parse(line).asObject().get("level").asString()).isEqualTo("WARN");
    }

    @Test
    void render_whenManyBoundedValuesAddUp_staysUnderTheCeilingAndKeepsTheKeyFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("level", "INFO");
        fields.put("function", "validate-task-definition");
        fields.put("status", "ok");
        fields.put("findings", java.util.Collections.nCopies(200, "y".repeat(3_000)));
        fields.put("notes", List.of("short"));

        String line = LogLine.render(fields);

        assertThat(line.length()).isLessThanOrEqualTo(LogLine.CEILING);
        var parsed = Json.parse(line).asObject();
        assertThat(parsed.get("status").asString()).isEqualTo("ok");
        assertThat(parsed.get("truncated").asBoolean()).isTrue();
        assertThat(parsed.get("findings").asString()).startsWith("[omitted: ");
        assertThat(parsed.get("notes").asArray()).hasSize(1);
    }

    @Test
    void render_whenSmall_isTheFieldsAsJson() {
        assertThat(LogLine.render(Map.of("level", "INFO"))).isEqualTo("{\"level\":\"INFO\"}");
    }
}
