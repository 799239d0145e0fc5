package dev.ecsiamguard.core.taskdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsiamguard.core.RuleMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TaskDefinitionRulesTest {

    private static final List<TaskDefinitionRule> RULES = TaskDefinitionRules.ALL;

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void all_whenListed_idsAreUniqueAndFromTheCatalog() {
        List<String> ids = RULES.stream().map(r -> r.metadata().id()).toList();

        assertThat(ids).doesNotHaveDuplicates().hasSize(24)
                .allMatch(id -> id.startsWith("TD-") || id.startsWith("EXEC-"));
    }

    @Test
    void all_whenListed_titlesHaveNoTrailingPeriodAndRemediationIsSet() {
        for (TaskDefinitionRule rule : RULES) {
            RuleMetadata meta = rule.metadata();
            assertThat(meta.title()).as(meta.id()).doesNotEndWith(".").isNotBlank();
            assertThat(meta.remediation()).as(meta.id()).isNotBlank();
        }
    }

    @Test
    void all_whenListed_eachRuleIsFinalWithStaticMetadataAndATest() throws Exception {
        for (TaskDefinitionRule rule : RULES) {
            Class<?> type = rule.getClass();
            assertThat(Modifier.isFinal(type.getModifiers())).as(type.getSimpleName()).isTrue();
            Field metadata = type.getDeclaredField("METADATA");
            assertThat(Modifier.isStatic(metadata.getModifiers())).isTrue();
            assertThat(metadata.get(null)).isSameAs(rule.metadata());
            assertThatCode(() -> Class.forName(type.getName() + "Test"))
                    .as("test class for " + type.getSimpleName()).doesNotThrowAnyException();
        }
    }

    @Test
    void all_whenRuleClassesInSourceTree_everyOneIsListed() throws IOException {
        Path sources = Path.of("src/main/java/dev/ecsiamguard/core/taskdef");
        assumeTrue(Files.isDirectory(sources), "source tree not found from " + Path.of("").toAbsolutePath());
        List<String> ruleClasses;
        try (Stream<Path> files = Files.list(sources)) {
            ruleClasses = files.filter(f -> read(f).contains("implements TaskDefinitionRule"))
                    .map(f -> f.getFileName().toString().replace(".java", ""))
                    .toList();
        }

        assertThat(RULES).extracting(r -> r.getClass().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(ruleClasses);
    }

    @Test
    void all_whenCompliantTaskDefinition_noRuleFires() {
        TaskDefinition good = TaskDefs.td().build();

        assertThat(TaskDefinitionChecker.withDefaults().check(good).findings()).isEmpty();
    }
}
