package dev.ecsiamguard.core.roles;

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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RoleRulesTest {

    /** Implemented by other packages or branches; a role rule must not take them. */
    private static final Set<String> NOT_HERE = Set.of("EXEC-ROLE-MISSING", "EXEC-VALUEFROM-FORMAT", "EXEC-TRUST");

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void all_whenListed_idsAreUniqueAndFromTheCatalog() {
        List<String> ids = RoleRules.ALL.stream().map(r -> r.metadata().id()).toList();

        assertThat(ids).doesNotHaveDuplicates().hasSize(17).doesNotContainAnyElementsOf(NOT_HERE)
                .allMatch(id -> id.matches("(TD|EXEC|TASK)-.*"));
    }

    @Test
    void all_whenListed_titlesHaveNoTrailingPeriodAndRemediationIsSet() {
        for (RoleRule rule : RoleRules.ALL) {
            RuleMetadata meta = rule.metadata();
            assertThat(meta.title()).as(meta.id()).doesNotEndWith(".").isNotBlank();
            assertThat(meta.remediation()).as(meta.id()).isNotBlank().endsWith(".");
        }
    }

    @Test
    void all_whenListed_eachRuleIsFinalWithStaticMetadataAndATest() throws Exception {
        for (RoleRule rule : RoleRules.ALL) {
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
        Path sources = Path.of("src/main/java/dev/ecsiamguard/core/roles");
        assumeTrue(Files.isDirectory(sources), "source tree not found from " + Path.of("").toAbsolutePath());
        List<String> ruleClasses;
        try (Stream<Path> files = Files.list(sources)) {
            // A rule class is concrete and a RoleRule, directly or through the execution-role base class.
            ruleClasses = files.filter(f -> !read(f).contains("abstract class")
                            && (read(f).contains("implements RoleRule")
                            || read(f).contains("extends ExecutionRoleNeeds")))
                    .map(f -> f.getFileName().toString().replace(".java", ""))
                    .toList();
        }

        assertThat(RoleRules.ALL).extracting(r -> r.getClass().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(ruleClasses);
    }
}
