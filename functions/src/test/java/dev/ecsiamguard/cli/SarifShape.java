package dev.ecsiamguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Checks the parts of SARIF 2.1.0 that code scanning relies on, parsed back with the SDK's JSON parser. */
final class SarifShape {

    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    private SarifShape() {
    }

    static void assertValid(JsonNode root, String label) {
        assertThat(text(root, "$schema")).as(label).startsWith("https://");
        assertThat(text(root, "version")).as(label).isEqualTo("2.1.0");
        List<JsonNode> runs = get(root, "runs").asArray();
        assertThat(runs).as(label).hasSize(1);
        JsonNode run = runs.get(0);
        JsonNode driver = get(get(run, "tool"), "driver");
        assertThat(text(driver, "name")).isEqualTo("ecs-iam-guard");
        List<JsonNode> rules = get(driver, "rules").asArray();
        for (JsonNode rule : rules) {
            assertThat(text(rule, "id")).as(label).matches("[A-Z0-9]+(-[A-Z0-9]+)+");
            assertThat(text(rule, "name")).as(label).matches("[A-Za-z0-9]+");
            assertThat(text(get(rule, "shortDescription"), "text")).as(label).isNotBlank();
            assertThat(text(get(rule, "fullDescription"), "text")).as(label).isNotBlank();
            assertThat(text(get(rule, "help"), "text")).as(label).isNotBlank();
            assertThat(text(get(rule, "defaultConfiguration"), "level")).as(label).isIn(LEVELS);
            assertThat(Double.parseDouble(text(get(rule, "properties"), "security-severity"))).as(label)
                    .isBetween(0.0, 10.0);
        }
        for (JsonNode result : get(run, "results").asArray()) {
            String ruleId = text(result, "ruleId");
            int index = Integer.parseInt(get(result, "ruleIndex").asNumber());
            assertThat(text(rules.get(index), "id")).as(label).isEqualTo(ruleId);
            assertThat(text(result, "level")).as(label).isIn(LEVELS);
            assertThat(text(get(result, "message"), "text")).as(label).isNotBlank();
            JsonNode physical = get(get(result, "locations").asArray().get(0), "physicalLocation");
            assertThat(text(get(physical, "artifactLocation"), "uri")).as(label).isNotBlank().doesNotContain(" ");
            assertThat(Integer.parseInt(get(get(physical, "region"), "startLine").asNumber())).as(label)
                    .isPositive();
            Map<String, JsonNode> fingerprints = get(result, "partialFingerprints").asObject();
            assertThat(fingerprints).as(label).isNotEmpty();
            fingerprints.values().forEach(v -> assertThat(v.asString()).isNotBlank());
        }
        JsonNode invocation = get(run, "invocations").asArray().get(0);
        assertThat(get(invocation, "executionSuccessful").isBoolean()).as(label).isTrue();
        for (JsonNode n : get(invocation, "toolExecutionNotifications").asArray()) {
            assertThat(text(n, "level")).as(label).isIn(LEVELS);
            assertThat(text(get(n, "message"), "text")).as(label).isNotBlank();
        }
    }

    static JsonNode get(JsonNode node, String field) {
        assertThat(node.isObject()).as("object holding " + field).isTrue();
        return node.field(field).orElseThrow(() -> new AssertionError("missing field " + field));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = get(node, field);
        assertThat(value.isString()).as(field + " is a string").isTrue();
        return value.asString();
    }
}
