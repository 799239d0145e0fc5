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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Runs {@code check-role} over every real-world trust and permission policy of the shared corpus in all three
 * formats: no crash, the kind told from the document alone, exit 0 or 1 consistent with the report, and the
 * unrendered templates IAM would refuse (the files PolicyCorpusTest expects the parser to reject) judged at their
 * placeholders' cautious reading, with POLICY-PLACEHOLDER naming the parts, never exit 2.
 */
class CheckRoleCorpusTest {

    private static final Path ROOT = Corpus.dir().toAbsolutePath().normalize();
    private static final List<String> FOLDERS = List.of("iam-trust-policies", "iam-permission-policies");
    private static final Map<String, String> UNRENDERED = Map.of(
            "iam-trust-policies/015-dadesina-omnirapeutic.json", "statement 1 Principal Federated",
            "iam-trust-policies/019-dvdmelamed-aws-infra.json", "statement 1 Principal Federated",
            "iam-trust-policies/020-nizam6486-poc-3.json", "statement 1 Principal Federated",
            "iam-permission-policies/017-safwan-18-TCS-ion-project-.json", "statement 3 Resource",
            "iam-permission-policies/027-nationalarchives-tdr-terraform-environments.json",
            "statement 1 Resource",
            "iam-permission-policies/028-nationalarchives-tdr-terraform-environments.json",
            "statement 1 Resource");
    private static final Map<String, Map<OutputFormat, CliRun>> RUNS = new TreeMap<>();

    @BeforeAll
    static void runEveryFile() throws IOException {
        assumeTrue(Files.isDirectory(ROOT.resolve(FOLDERS.get(0))),
                "corpus not found at " + ROOT + ": set -Dcorpus.dir or ECS_IAM_GUARD_CORPUS");
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    Map<OutputFormat, CliRun> runs = new TreeMap<>();
                    for (OutputFormat format : OutputFormat.values()) {
                        runs.put(format, CliRun.runIn(ROOT, Map.of(), AccountRoleLookupFactory.NOT_AVAILABLE,
                                "check-role", "--format", format.name().toLowerCase(Locale.ROOT), file.toString()));
                    }
                    RUNS.put(folder + "/" + file.getFileName(), runs);
                }
            }
        }
    }

    @Test
    void checkRole_whenEveryCorpusPolicy_exitsConsistentlyWithItsReportInEveryFormat() {
        assertThat(RUNS).hasSizeGreaterThan(40);
        RUNS.forEach((file, runs) -> {
            JsonNode entry = runs.get(OutputFormat.JSON).json().field("files").orElseThrow().asArray().get(0);
            assertThat(entry.field("error")).as(file).isEmpty();
            JsonNode report = get(entry, "report");
            boolean failing = !get(report, "errors").asArray().isEmpty() || get(report, "findings").asArray()
                    .stream().anyMatch(f -> Severity.parse(text(f, "severity")).atLeast(Severity.HIGH));
            runs.forEach((format, run) -> {
                assertThat(run.exitCode()).as(file + " " + format).isEqualTo(failing ? 1 : 0);
                assertThat(run.err()).as(file + " " + format).isEmpty();
            });
            assertThat(runs.get(OutputFormat.TEXT).out()).as(file).contains(file)
                    .contains(failing ? "FAILED: " : "PASSED: ");
        });
    }

    @Test
    void checkRole_whenEveryCorpusPolicy_tellsTheKindFromTheDocument() {
        RUNS.forEach((file, runs) -> {
            JsonNode entry = runs.get(OutputFormat.JSON).json().field("files").orElseThrow().asArray().get(0);
            assertThat(text(entry, "kind")).as(file)
                    .isEqualTo(file.startsWith("iam-trust-") ? "trust policy" : "permission policy");
            assertThat(text(entry, "role")).as(file).isEqualTo(file);
        });
    }

    @Test
    void checkRole_whenUnrenderedTemplate_judgesTheRestAndNamesTheUnjudgedPartsInEveryFormat() {
        assumeTrue(!RUNS.isEmpty());
        UNRENDERED.forEach((file, location) -> {
            assertThat(RUNS).containsKey(file);
            RUNS.get(file).forEach((format, run) -> {
                assertThat(run.exitCode()).as(file + " " + format).isIn(0, 1);
                assertThat(run.out()).as(file + " " + format).contains("POLICY-PLACEHOLDER");
            });
            JsonNode entry = RUNS.get(file).get(OutputFormat.JSON).json().field("files").orElseThrow().asArray()
                    .get(0);
            assertThat(get(get(entry, "report"), "findings").asArray()).as(file)
                    .anySatisfy(f -> assertThat(text(f, "message")).contains(location));
        });
        // The most permissive trust of the corpus (repo:*, no aud, provider unrendered) is now judged.
        assertThat(RUNS.get("iam-trust-policies/019-dvdmelamed-aws-infra.json").get(OutputFormat.TEXT).out())
                .contains("OIDC-SUB-WILDCARD").contains("OIDC-AUD-MISSING");
    }

    @Test
    void checkRole_whenEveryCorpusPolicy_producesValidSarifPointingAtTheFile() {
        RUNS.forEach((file, runs) -> {
            JsonNode sarif = runs.get(OutputFormat.SARIF).json();
            SarifShape.assertValid(sarif, file);
            get(get(sarif, "runs").asArray().get(0), "results").asArray().forEach(r -> assertThat(text(get(get(
                    get(r, "locations").asArray().get(0), "physicalLocation"), "artifactLocation"), "uri"))
                    .as(file).isEqualTo(file));
        });
    }

    @Test
    void checkRole_whenCorpusHasGitHubTrusts_findsTheirGitHubIssues() {
        assumeTrue(!RUNS.isEmpty());
        long withOidcFindings = RUNS.entrySet().stream().filter(e -> e.getKey().startsWith("iam-trust-"))
                .filter(e -> e.getValue().get(OutputFormat.TEXT).out().contains("OIDC-")).count();
        long withTrustFindings = RUNS.entrySet().stream().filter(e -> e.getKey().startsWith("iam-trust-"))
                .filter(e -> e.getValue().get(OutputFormat.TEXT).out().contains("TRUST-")).count();
        assertThat(withOidcFindings).isPositive();
        assertThat(withTrustFindings).isPositive();
    }
}
