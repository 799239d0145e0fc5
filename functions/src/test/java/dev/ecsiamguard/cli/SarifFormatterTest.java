package dev.ecsiamguard.cli;

import static dev.ecsiamguard.cli.SarifShape.get;
import static dev.ecsiamguard.cli.SarifShape.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class SarifFormatterTest {

    private static final ValidationRun RUN = Runs.of("cli/privileged-task-definition.json");
    private static final JsonNode RUN_NODE = get(Json.parse(new SarifFormatter().render(RUN)), "runs").asArray()
            .get(0);

    @Test
    void render_whenFindings_producesValidSarifShape() {
        SarifShape.assertValid(Json.parse(new SarifFormatter().render(RUN)), "privileged");
    }

    @Test
    void render_whenFindings_listsEachRuleOnceWithSecuritySeverity() {
        List<JsonNode> rules = get(get(get(RUN_NODE, "tool"), "driver"), "rules").asArray();

        assertThat(rules).extracting(r -> text(r, "id"))
                .containsExactly("TD-HOST-NETWORK", "TD-NO-LOGGING", "TD-PRIVILEGED", "TD-READONLY-ROOTFS",
                        "TD-ROOT-USER");
        JsonNode privileged = rules.get(2);
        assertThat(text(get(privileged, "properties"), "security-severity")).isEqualTo("8.0");
        assertThat(text(get(privileged, "defaultConfiguration"), "level")).isEqualTo("error");
    }

    @Test
    void render_whenContainerFinding_pointsAtTheContainerDefinitionLine() {
        JsonNode result = get(RUN_NODE, "results").asArray().stream()
                .filter(r -> text(r, "ruleId").equals("TD-PRIVILEGED")).findFirst().orElseThrow();

        JsonNode physical = get(get(result, "locations").asArray().get(0), "physicalLocation");
        assertThat(get(get(physical, "region"), "startLine").asNumber()).isEqualTo("11");
        assertThat(text(get(physical, "artifactLocation"), "uri"))
                .endsWith("cli/privileged-task-definition.json").doesNotStartWith("/");
        assertThat(text(result, "level")).isEqualTo("error");
        assertThat(text(get(result, "message"), "text")).contains("runs privileged.").contains("Fix: ");
    }

    @Test
    void render_whenTaskLevelFinding_pointsAtLineOne() {
        JsonNode result = get(RUN_NODE, "results").asArray().stream()
                .filter(r -> text(r, "ruleId").equals("TD-HOST-NETWORK")).findFirst().orElseThrow();

        assertThat(get(get(get(get(result, "locations").asArray().get(0), "physicalLocation"), "region"),
                "startLine").asNumber()).isEqualTo("1");
    }

    @Test
    void render_whenRolesSkipped_saysSoAsRunPropertyAndNotification() {
        assertThat(text(get(RUN_NODE, "properties"), "roleChecks")).isEqualTo("skipped");
        JsonNode note = get(get(RUN_NODE, "invocations").asArray().get(0), "toolExecutionNotifications").asArray()
                .get(0);
        assertThat(text(get(note, "descriptor"), "id")).isEqualTo("roles-skipped");
        assertThat(text(note, "level")).isEqualTo("warning");
    }

    @Test
    void render_whenFileUnusable_marksExecutionUnsuccessfulWithErrorNotification() {
        ValidationRun run = Runs.of("cli/clean-task-definition.json", "/nonexistent/td.json");

        JsonNode root = Json.parse(new SarifFormatter().render(run));

        SarifShape.assertValid(root, "unusable");
        JsonNode invocation = get(get(root, "runs").asArray().get(0), "invocations").asArray().get(0);
        assertThat(get(invocation, "executionSuccessful").asBoolean()).isFalse();
        assertThat(get(invocation, "toolExecutionNotifications").asArray()).anySatisfy(n ->
                assertThat(text(get(n, "message"), "text")).contains("no such file"));
    }

    @Test
    void fingerprint_whenSameFindingAgain_isStableAndDiffersByMessage() {
        Finding first = Runs.checked(RUN, 0).report().findings().get(0);
        Finding other = Runs.checked(RUN, 0).report().findings().get(1);

        assertThat(SarifFormatter.fingerprint(first)).isEqualTo(SarifFormatter.fingerprint(first)).hasSize(32)
                .isNotEqualTo(SarifFormatter.fingerprint(other));
    }
}
