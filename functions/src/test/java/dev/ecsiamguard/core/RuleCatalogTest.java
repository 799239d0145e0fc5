package dev.ecsiamguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole rule catalogue at once, across every rule family: ids unique and from the project's catalog, titles
 * and remediations present, every rule wired into code that runs it, and every id exercised by a test.
 */
class RuleCatalogTest {

    /** The ids of the project's rule catalog (reference §9), plus the two provisioning-drift ids of the API. */
    private static final Set<String> CATALOG = Set.of("TD-PRIVILEGED", "TD-HOST-NETWORK", "TD-NOT-AWSVPC",
            "TD-HOST-PID", "TD-HOST-IPC", "TD-ROOT-USER", "TD-WINDOWS-ADMIN", "TD-READONLY-ROOTFS",
            "TD-ENV-SECRET-KEYS", "TD-ENV-SECRET-VALUES", "TD-NO-LOGGING", "TD-AWSLOGS-OPTIONS", "TD-LOG-BLOCKING",
            "TD-MEMORY-LIMIT", "TD-EFS-TRANSIT", "TD-EFS-IAM-NEEDS-TASKROLE", "TD-SAME-EXEC-TASK-ROLE",
            "TD-ROLE-EXISTS", "TD-IMAGE-REGISTRY", "TD-IMAGE-MUTABLE", "TD-LINUX-CAPS", "TD-HOST-MOUNTS",
            "TD-FAMILY-ROLE-PINNING", "EXEC-ROLE-MISSING", "EXEC-TRUST", "EXEC-ECR-PULL", "EXEC-ECR-XACCOUNT",
            "EXEC-LOGS", "EXEC-SECRETS-SM", "EXEC-SECRETS-SSM", "EXEC-VALUEFROM-FORMAT", "EXEC-PRIVATE-REGISTRY",
            "EXEC-ENV-FILES", "EXEC-FIRELENS-CONFIG", "EXEC-OVERBROAD", "TASK-ADMIN", "TASK-SERVICE-WILDCARD",
            "TASK-PRIVESC", "TASK-PASSROLE-STAR", "TASK-EXEC-SSMMESSAGES", "TASK-SHARED", "TRUST-CONFUSED-DEPUTY",
            "TRUST-SOURCEARN-WRONG", "TRUST-PUBLIC", "TRUST-XACCOUNT-NO-EXTID", "TRUST-EXTRA-PRINCIPALS",
            "OIDC-PROVIDER-AUD", "OIDC-THUMBPRINT", "OIDC-SUB-MISSING", "OIDC-AUD-MISSING", "OIDC-SUB-WILDCARD",
            "OIDC-SUB-ABUSABLE-PREFIX", "OIDC-WILDCARD-IN-STRINGEQUALS", "OIDC-FORALLVALUES", "OIDC-PROD-UNPINNED",
            "OIDC-MUTABLE-SUB", "OIDC-RT-UNEXPECTED-SUBJECT", "OIDC-RT-ROLE-DRIFT", "OIDC-RT-DENIED-ATTEMPT",
            "DEPLOY-PASSROLE-WILDCARD",
            "DEPLOY-PASSROLE-NO-SERVICE", "DEPLOY-ECS-PRIVESC", "DEPLOY-ECS-SCOPE", "DEPLOY-ECR-SCOPE",
            "DEPLOY-ADMIN", "DEPLOY-EXEC-COMMAND", "PROV-DRIFT-001", "PROV-UNMANAGED-001");

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path TESTS = Path.of("src", "test", "java");
    private static final Pattern FIELD = Pattern.compile("static final RuleMetadata (\\w+)\\s*=");

    private static final Map<String, String> DECLARED_IN = new HashMap<>();
    private static final List<RuleMetadata> RULES = new ArrayList<>();

    @BeforeAll
    static void collectEveryRuleMetadataConstant() throws Exception {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = FIELD.matcher(Files.readString(file));
                while (m.find()) {
                    String className = MAIN.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                    Field field = Class.forName(className).getDeclaredField(m.group(1));
                    assertThat(Modifier.isStatic(field.getModifiers())).isTrue();
                    field.setAccessible(true);
                    RuleMetadata rule = (RuleMetadata) field.get(null);
                    RULES.add(rule);
                    DECLARED_IN.put(rule.id(), className);
                }
            }
        }
    }

    @Test
    void catalogue_idsAreUniqueAndFromTheCatalog() {
        List<String> ids = RULES.stream().map(RuleMetadata::id).toList();

        assertThat(ids).hasSizeGreaterThan(60).doesNotHaveDuplicates();
        assertThat(CATALOG).containsAll(ids);
    }

    @Test
    void catalogue_titlesAndRemediationsAreWritten() {
        assertThat(RULES).allSatisfy(rule -> {
            assertThat(rule.title()).as(rule.id()).isNotBlank().doesNotEndWith(".");
            assertThat(rule.remediation()).as(rule.id()).isNotBlank();
        });
    }

    @Test
    void catalogue_everyRuleIsWiredIntoCodeThatRunsIt() throws IOException {
        for (RuleMetadata rule : RULES) {
            String className = DECLARED_IN.get(rule.id());
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            Path own = MAIN.resolve(className.replace('.', '/') + ".java");
            // Its class is named in another source file: a registry listing the rule, or the code that runs it.
            String others = allSources(MAIN).replace(Files.readString(own), "");
            assertThat(Pattern.compile("\\b" + simpleName + "\\b").matcher(others).find())
                    .as(rule.id() + " in " + className + " is referenced nowhere").isTrue();
        }
    }

    @Test
    void catalogue_everyRuleIdIsExercisedByATest() throws IOException {
        String withoutThisFile = allSources(TESTS).replace(Files.readString(TESTS.resolve(
                "dev/ecsiamguard/core/RuleCatalogTest.java")), "");

        assertThat(RULES).allSatisfy(rule -> assertThat(Pattern.compile(
                        "(?<![A-Z0-9-])" + Pattern.quote(rule.id()) + "(?![A-Z0-9-])")
                .matcher(withoutThisFile).find()).as(rule.id() + " appears in no test").isTrue());
    }

    private static String allSources(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }
}
