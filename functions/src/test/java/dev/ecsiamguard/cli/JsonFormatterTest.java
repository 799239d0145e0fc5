package dev.ecsiamguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.ReportJson;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class JsonFormatterTest {

    @Test
    void render_whenFileChecked_embedsTheSharedReportShapeUnchanged() {
        ValidationRun run = Runs.of("cli/privileged-task-definition.json");

        JsonNode root = Json.parse(new JsonFormatter().render(run));

        JsonNode file = root.field("files").orElseThrow().asArray().get(0);
        String expected = Json.write(ReportJson.toMap(Runs.checked(run, 0).report(), Severity.HIGH));
        assertThat(file.field("report").orElseThrow()).isEqualTo(Json.parse(expected));
        assertThat(file.field("file").orElseThrow().asString()).endsWith("cli/privileged-task-definition.json");
        assertThat(file.field("taskDefinition").orElseThrow().asString()).isEqualTo("legacy");
        assertThat(root.field("passed").orElseThrow().asBoolean()).isFalse();
        assertThat(root.field("exitCode").orElseThrow().asNumber()).isEqualTo("1");
        assertThat(root.field("roles").orElseThrow().field("source").orElseThrow().asString()).isEqualTo("skip");
    }

    @Test
    void render_whenFileUnusable_reportsItsErrorInTheSameEnvelope() {
        ValidationRun run = Runs.of("cli/clean-task-definition.json", "/nonexistent/td.json");

        List<JsonNode> files = Json.parse(new JsonFormatter().render(run)).field("files").orElseThrow().asArray();

        assertThat(files).hasSize(2);
        assertThat(files.get(0).field("report").orElseThrow().field("passed").orElseThrow().asBoolean()).isTrue();
        assertThat(files.get(1).field("error").orElseThrow().asString()).isEqualTo("no such file");
    }
}
