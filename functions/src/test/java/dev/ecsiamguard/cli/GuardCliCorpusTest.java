package dev.ecsiamguard.cli;

import static dev.ecsiamguard.cli.SarifShape.get;
import static dev.ecsiamguard.cli.SarifShape.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Runs the command line in-process over every task definition of the shared corpus in all three formats, as a
 * pipeline would: no crash, a sensible result and a consistent exit code for each, the known cases found. The
 * per-rule expectations of the notes stay in {@code TaskDefinitionCorpusTest}; this holds the command to them.
 */
class GuardCliCorpusTest {

    private static final Path ROOT = Corpus.dir().toAbsolutePath().normalize();
    private static final Map<String, Map<OutputFormat, CliRun>> RUNS = new TreeMap<>();

    @BeforeAll
    static void runEveryFile() throws IOException {
        assumeTrue(Files.isDirectory(ROOT.resolve("task-definitions")),
                "corpus not found at " + ROOT + ": set -Dcorpus.dir or ECS_IAM_GUARD_CORPUS");
        try (Stream<Path> files = Files.list(ROOT.resolve("task-definitions"))) {
            for (Path file : files.sorted().toList()) {
                Map<OutputFormat, CliRun> runs = new TreeMap<>();
                for (OutputFormat format : OutputFormat.values()) {
                    runs.put(format, validate(format, file.toString()));
                }
                RUNS.put(file.getFileName().toString(), runs);
            }
        }
    }

    private static CliRun validate(OutputFormat format, String... more) {
        List<String> args = new ArrayList<>(List.of("validate", "--roles", "skip", "--format",
                format.name().toLowerCase(java.util.Locale.ROOT)));
        args.addAll(List.of(more));
        return CliRun.runIn(ROOT, Map.of(), AccountRoleLookupFactory.NOT_AVAILABLE, args.toArray(String[]::new));
    }

    @Test
    void validate_whenEveryCorpusFileInEveryFormat_givesSensibleResultAndConsistentExitCode() {
        assertThat(RUNS).hasSizeGreaterThan(50);
        RUNS.forEach((file, runs) -> {
            JsonNode report = report(runs.get(OutputFormat.JSON));
            boolean failing = !report.field("errors").orElseThrow().asArray().isEmpty()
                    || findings(report).stream().anyMatch(f -> Severity.parse(text(f, "severity"))
                    .atLeast(Severity.HIGH));
            int expected = failing ? 1 : 0;
            runs.forEach((format, run) -> {
                assertThat(run.exitCode()).as(file + " " + format + ": " + run.err()).isEqualTo(expected);
                assertThat(run.err()).as(file + " " + format).isEmpty();
            });
            assertThat(findings(report)).as(file).isNotEmpty();
            assertThat(runs.get(OutputFormat.TEXT).out()).as(file).contains("task-definitions/" + file)
                    .contains("roles: role checks were skipped").contains(failing ? "FAILED: " : "PASSED: ");
        });
    }

    @Test
    void validate_whenEveryCorpusFile_producesValidSarifWithOneResultPerFinding() {
        RUNS.forEach((file, runs) -> {
            JsonNode sarif = runs.get(OutputFormat.SARIF).json();
            SarifShape.assertValid(sarif, file);
            List<JsonNode> results = get(get(sarif, "runs").asArray().get(0), "results").asArray();
            assertThat(results).as(file).hasSize(findings(report(runs.get(OutputFormat.JSON))).size());
            results.forEach(r -> assertThat(text(get(get(get(r, "locations").asArray().get(0),
                    "physicalLocation"), "artifactLocation"), "uri")).isEqualTo("task-definitions/" + file));
        });
    }

    @Test
    void validate_whenKnownCases_reportsThemInTheJsonOutput() {
        assertThat(ruleIds("023-13Dev-07-EmailV.json")).contains("EXEC-ROLE-MISSING");
        assertThat(ruleIds("001-0110-delivery-system-delivery-project.json")).contains("TD-SAME-EXEC-TASK-ROLE");
        assertThat(ruleIds("052-EugeneFinch-dirac-backend.json")).contains("TD-PRIVILEGED");
        assertThat(ruleIds("055-Benedict-Scrumberbatch-peer-recognition-backend.json")).contains("TD-HOST-NETWORK");
        assertThat(envSecretMessages("029-9oormthon-univ-2025_SEASONTHON_TEAM_62_BE.json"))
                .contains("SPRING_DATASOURCE_PASSWORD").contains("JWT_SECRET");
        assertThat(envSecretMessages("024-3jesters-OpenTCG-Backend.json"))
                .doesNotContain("JWT_ACCESS_TOKEN_EXPIRATION").doesNotContain("JWT_REFRESH_TOKEN_EXPIRATION");
    }

    @Test
    void validate_whenSeveralFilesAtOnce_reportsEachAndFailsIfAnyFails() {
        assumeTrue(!RUNS.isEmpty());
        String[] files = RUNS.keySet().stream().limit(5).map(f -> ROOT.resolve("task-definitions/" + f).toString())
                .toArray(String[]::new);

        CliRun sarif = validate(OutputFormat.SARIF, files);
        CliRun json = validate(OutputFormat.JSON, files);

        SarifShape.assertValid(sarif.json(), "five files");
        assertThat(json.json().field("files").orElseThrow().asArray()).hasSize(5);
        int worst = RUNS.values().stream().limit(5).mapToInt(r -> r.get(OutputFormat.JSON).exitCode()).max()
                .orElseThrow();
        assertThat(sarif.exitCode()).isEqualTo(worst);
        assertThat(json.exitCode()).isEqualTo(worst);
    }

    private static JsonNode report(CliRun jsonRun) {
        return get(jsonRun.json().field("files").orElseThrow().asArray().get(0), "report");
    }

    private static List<JsonNode> findings(JsonNode report) {
        return get(report, "findings").asArray();
    }

    private static Set<String> ruleIds(String file) {
        assertThat(RUNS).containsKey(file);
        return findings(report(RUNS.get(file).get(OutputFormat.JSON))).stream().map(f -> text(f, "ruleId"))
                .collect(Collectors.toSet());
    }

    private static String envSecretMessages(String file) {
        assertThat(RUNS).containsKey(file);
        return findings(report(RUNS.get(file).get(OutputFormat.JSON))).stream()
                .filter(f -> text(f, "ruleId").startsWith("TD-ENV-SECRET-")).map(f -> text(f, "message"))
                .collect(Collectors.joining("\n"));
    }
}
