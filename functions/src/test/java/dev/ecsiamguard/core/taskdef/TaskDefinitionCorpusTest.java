package dev.ecsiamguard.core.taskdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs parser and checker over the shared corpus of real task definitions and holds the checker to the notes
 * in SOURCES.tsv. The corpus is found through {@code -Dcorpus.dir}, {@code ECS_IAM_GUARD_CORPUS}, or
 * {@code ../../shared/corpus}; without it the test is skipped.
 */
class TaskDefinitionCorpusTest {

    /** Names the corpus notes list as sensitive-looking, which on purpose are not secrets; each with its reason. */
    private static final Map<String, String> NOT_SECRETS = Map.of(
            "JWT_ACCESS_TOKEN_EXPIRATION", "a duration",
            "JWT_REFRESH_TOKEN_EXPIRATION", "a duration",
            "ALLOW_CREDENTIALS", "a CORS flag holding a boolean",
            "GERENCIANET_PIX_KEY", "a PIX key is a public payee identifier, not a credential");

    private static final Map<String, Report> REPORTS = new TreeMap<>();
    private static final Map<String, String> NOTES = new LinkedHashMap<>();
    private static final List<String> PARSE_FAILURES = new ArrayList<>();

    @BeforeAll
    static void checkCorpus() throws IOException {
        Path corpus = corpusDir();
        assumeTrue(Files.isDirectory(corpus.resolve("task-definitions")),
                "corpus not found at " + corpus.toAbsolutePath() + ": set -Dcorpus.dir or ECS_IAM_GUARD_CORPUS");
        for (String line : Files.readAllLines(corpus.resolve("SOURCES.tsv"), StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t", -1);
            if (columns[0].startsWith("task-definitions/")) {
                NOTES.put(columns[0].substring("task-definitions/".length()), columns[columns.length - 1]);
            }
        }
        TaskDefinitionChecker checker = TaskDefinitionChecker.withDefaults();
        try (Stream<Path> files = Files.list(corpus.resolve("task-definitions"))) {
            for (Path file : files.sorted().toList()) {
                try {
                    TaskDefinition td = TaskDefinitionParser.parse(Files.readString(file));
                    REPORTS.put(file.getFileName().toString(), checker.check(td));
                } catch (TaskDefinitionParseException e) {
                    PARSE_FAILURES.add(file.getFileName() + ": " + e.getMessage());
                }
            }
        }
        printSummary();
    }

    private static Path corpusDir() {
        String configured = System.getProperty("corpus.dir", System.getenv("ECS_IAM_GUARD_CORPUS"));
        return Path.of(configured == null || configured.isBlank() ? "../../shared/corpus" : configured);
    }

    @Test
    void corpus_whenParsedAndChecked_everyFileGivesANonEmptyReportWithoutRuleErrors() {
        assertThat(PARSE_FAILURES).isEmpty();
        assertThat(REPORTS).hasSizeGreaterThanOrEqualTo(NOTES.size());
        REPORTS.forEach((file, report) -> {
            assertThat(report.errors()).as(file).isEmpty();
            assertThat(report.findings()).as(file).isNotEmpty();
        });
    }

    @Test
    void corpus_whenNotesSayItsFound_knownCasesAreReported() {
        expect("taskRoleArn == executionRoleArn", "TD-SAME-EXEC-TASK-ROLE");
        expect("privileged=true", "TD-PRIVILEGED");
        expect("networkMode host", "TD-HOST-NETWORK");
        expect("no logConfiguration", "TD-NO-LOGGING");
        expect("secrets referenced but no executionRoleArn", "EXEC-ROLE-MISSING");
        NOTES.forEach((file, note) -> {
            if (note.contains("no executionRoleArn") && note.matches(".*\\d+ (Secrets Manager |SSM parameter ARN )?"
                    + "secret\\(s\\).*")) {
                assertThat(ids(file)).as(file + ": " + note).contains("EXEC-ROLE-MISSING");
            }
        });
    }

    @Test
    void corpus_whenPlaintextSecretsNoted_flagsThemButNotDescriptiveNames() {
        int checked = 0;
        for (Map.Entry<String, String> entry : NOTES.entrySet()) {
            String note = entry.getValue();
            int start = note.indexOf("plaintext sensitive-named env: ");
            if (start < 0) {
                continue;
            }
            String names = note.substring(start + "plaintext sensitive-named env: ".length()).split(";")[0];
            String envMessages = REPORTS.get(entry.getKey()).findings().stream()
                    .filter(f -> f.rule().id().startsWith("TD-ENV-SECRET-"))
                    .map(Finding::message)
                    .collect(Collectors.joining("\n"));
            for (String name : names.split(",")) {
                name = name.strip();
                if (NOT_SECRETS.containsKey(name)) {
                    assertThat(envMessages).as(entry.getKey() + " " + name).doesNotContain(" " + name + " ")
                            .doesNotContain(" " + name + ",");
                } else {
                    assertThat(envMessages).as(entry.getKey() + " " + name).containsPattern("\\b" + name + "\\b");
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(ids("005-AWS-FCAJ-Intern-courshare-payment-service.json")).contains("TD-ENV-SECRET-VALUES");
    }

    private static void expect(String noteFragment, String ruleId) {
        List<String> files = NOTES.entrySet().stream().filter(e -> e.getValue().contains(noteFragment))
                .map(Map.Entry::getKey).toList();
        assertThat(files).as("corpus files noting " + noteFragment).isNotEmpty();
        for (String file : files) {
            assertThat(ids(file)).as(file + " notes " + noteFragment).contains(ruleId);
        }
    }

    private static Set<String> ids(String file) {
        assertThat(REPORTS).containsKey(file);
        return REPORTS.get(file).findings().stream().map(f -> f.rule().id()).collect(Collectors.toSet());
    }

    private static void printSummary() {
        Map<String, long[]> perRule = new TreeMap<>();
        REPORTS.values().forEach(report -> {
            Map<String, Long> counts = report.findings().stream()
                    .collect(Collectors.groupingBy(f -> f.rule().id(), Collectors.counting()));
            counts.forEach((id, n) -> {
                long[] totals = perRule.computeIfAbsent(id, k -> new long[2]);
                totals[0] += n;
                totals[1]++;
            });
        });
        StringBuilder table = new StringBuilder("\nTask definition corpus: " + REPORTS.size() + " files checked, "
                + PARSE_FAILURES.size() + " failed to parse\n");
        table.append(String.format("%-26s %8s %6s%n", "rule", "findings", "files"));
        perRule.forEach((id, t) -> table.append(String.format("%-26s %8d %6d%n", id, t[0], t[1])));
        PARSE_FAILURES.forEach(f -> table.append("parse failure: ").append(f).append('\n'));
        if (Boolean.getBoolean("corpus.verbose")) {
            REPORTS.forEach((file, report) -> report.findings().forEach(f -> table.append(file).append('\t')
                    .append(f.rule().id()).append('\t').append(f.severity()).append('\t').append(f.message())
                    .append('\n')));
        }
        System.out.println(table);
    }
}
