package dev.ecsiamguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole rule catalogue at once, read from {@link RuleCatalog} (the one list): ids unique, titles and
 * remediations written, every rule class and metadata constant of the sources in it, every id named by a test,
 * and the README's rule tables listing exactly the catalogue.
 */
class RuleCatalogTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path TESTS = Path.of("src", "test", "java");
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern METADATA_FIELD = Pattern.compile("static final RuleMetadata (\\w+)\\s*=");
    private static final Pattern RULE_CLASS = Pattern.compile(
            "(?m)^(?:public )?final class (\\w+)\\s+(?:extends ExecutionRoleNeeds|implements \\w*Rule\\b)");
    private static final Pattern README_ID = Pattern.compile("`([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)`");

    private static final Set<String> IDS = RuleCatalog.metadata().stream().map(RuleMetadata::id)
            .collect(Collectors.toCollection(TreeSet::new));

    @Test
    void catalogue_idsAreUniqueAcrossEveryFamily() {
        List<String> ids = RuleCatalog.metadata().stream().map(RuleMetadata::id).toList();

        assertThat(ids).hasSizeGreaterThan(60).doesNotHaveDuplicates();
        assertThat(RuleCatalog.FAMILIES).allSatisfy(f -> assertThat(f.rules()).as(f.name()).isNotEmpty());
    }

    @Test
    void catalogue_titlesAndRemediationsAreWritten() {
        assertThat(RuleCatalog.metadata()).allSatisfy(rule -> {
            assertThat(rule.title()).as(rule.id()).isNotBlank().doesNotEndWith(".");
            assertThat(rule.remediation()).as(rule.id()).isNotBlank();
        });
    }

    @Test
    void catalogue_everyRuleMetadataConstantBelongsToACatalogueRule() throws Exception {
        List<String> orphans = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            Matcher m = METADATA_FIELD.matcher(Files.readString(file));
            while (m.find()) {
                Field field = classOf(file).getDeclaredField(m.group(1));
                assertThat(Modifier.isStatic(field.getModifiers())).isTrue();
                field.setAccessible(true);
                RuleMetadata rule = (RuleMetadata) field.get(null);
                if (RuleCatalog.ALL.stream().noneMatch(r -> r.metadata() == rule)) {
                    orphans.add(rule.id() + " in " + file.getFileName());
                }
            }
        }
        assertThat(orphans).as("metadata of no rule the catalogue runs").isEmpty();
    }

    @Test
    void catalogue_everyRuleClassInTheSourcesIsListed() throws IOException {
        Set<String> listed = RuleCatalog.ALL.stream().map(r -> r.getClass().getSimpleName())
                .collect(Collectors.toSet());
        List<String> ruleClasses = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            String source = Files.readString(file);
            Matcher m = RULE_CLASS.matcher(source);
            // An adapter that runs a catalogue rule elsewhere has no metadata of its own.
            while (m.find() && source.contains("static final RuleMetadata")) {
                ruleClasses.add(m.group(1));
            }
        }
        assertThat(ruleClasses).hasSizeGreaterThan(60);
        assertThat(listed).containsAll(ruleClasses);
    }

    @Test
    void catalogue_everyRuleIsNamedByItsOwnTest() throws IOException {
        List<String> unnamed = new ArrayList<>();
        for (Rule<?> rule : RuleCatalog.ALL) {
            String id = rule.metadata().id();
            Path source = MAIN.resolve(rule.getClass().getName().replace('.', '/') + ".java");
            Path ownTest = TESTS.resolve(MAIN.relativize(source).toString().replace(".java", "Test.java"));
            // A rule without a test class of its own is tested in its family's table test, in its package.
            List<Path> tests = Files.exists(ownTest) ? List.of(ownTest) : javaFiles(ownTest.getParent());
            boolean named = false;
            for (Path test : tests) {
                named |= Pattern.compile("(?<![A-Z0-9-])" + Pattern.quote(id) + "(?![A-Z0-9-])")
                        .matcher(Files.readString(test)).find();
            }
            if (!named) {
                unnamed.add(id + " (" + tests.stream().map(Path::getFileName).toList() + ")");
            }
        }
        assertThat(unnamed).as("rules whose test does not name their id").isEmpty();
    }

    @Test
    void readme_ruleTablesListExactlyTheCatalogue() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("|")) {
                Matcher m = README_ID.matcher(line);
                while (m.find()) {
                    documented.add(m.group(1));
                }
            }
        }
        // The escalation catalogue's table names paths, not rules.
        dev.ecsiamguard.core.policy.EscalationCatalog.ALL.forEach(path -> documented.remove(path.id()));
        assertThat(documented).isEqualTo(IDS);
    }

    private static Class<?> classOf(Path file) throws ClassNotFoundException {
        return Class.forName(MAIN.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", ""));
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
