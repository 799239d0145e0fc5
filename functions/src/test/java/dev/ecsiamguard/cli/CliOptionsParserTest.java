package dev.ecsiamguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.github.PolicyRoleKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliOptionsParserTest {

    private static CliOptions parse(Map<String, String> env, String... args) throws CliFailure {
        return CliOptionsParser.parse(args, env);
    }

    @Test
    void parse_whenOnlyFiles_usesDefaults() throws CliFailure {
        CliOptions options = parse(Map.of(), "validate", "a.json", "b.json");

        assertThat(options.files()).containsExactly(Path.of("a.json"), Path.of("b.json"));
        assertThat(options.format()).isEqualTo(OutputFormat.TEXT);
        assertThat(options.threshold()).isEqualTo(Severity.HIGH);
        assertThat(options.roles()).isEqualTo(new RolesChoice(RolesChoice.Source.SKIP, null, false));
        assertThat(options.output()).isNull();
        assertThat(options.allowedRegistries()).isEmpty();
    }

    @Test
    void parse_whenEndpointOrCredentialsInEnvironment_defaultsToAccountRoles() throws CliFailure {
        assertThat(parse(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"), "validate", "a.json").roles())
                .isEqualTo(new RolesChoice(RolesChoice.Source.ACCOUNT, null, false));
        assertThat(parse(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"), "validate", "a.json").roles().source())
                .isEqualTo(RolesChoice.Source.ACCOUNT);
        assertThat(parse(Map.of("AWS_ACCESS_KEY_ID", ""), "validate", "a.json").roles().source())
                .isEqualTo(RolesChoice.Source.SKIP);
    }

    @Test
    void parse_whenEveryOptionGiven_readsThemInBothSpellings() throws CliFailure {
        CliOptions options = parse(Map.of(), "validate", "--roles", "gaad:saved.json", "--format=sarif",
                "--threshold", "info", "--output", "out/result.sarif", "--allowed-registry", "own-ecr",
                "--allowed-registry=ghcr.io/acme/", "--account", "123456789012", "td.json");

        assertThat(options.roles()).isEqualTo(new RolesChoice(RolesChoice.Source.GAAD, Path.of("saved.json"), true));
        assertThat(options.format()).isEqualTo(OutputFormat.SARIF);
        assertThat(options.threshold()).isEqualTo(Severity.INFORMATIONAL);
        assertThat(options.output()).isEqualTo(Path.of("out/result.sarif"));
        assertThat(options.allowedRegistries()).containsExactly("own-ecr", "ghcr.io/acme/");
        assertThat(options.accountId()).isEqualTo("123456789012");
        assertThat(options.files()).containsExactly(Path.of("td.json"));
    }

    @Test
    void parse_whenDoubleDash_takesTheRestAsFiles() throws CliFailure {
        assertThat(parse(Map.of(), "validate", "--", "--odd-name.json").files())
                .containsExactly(Path.of("--odd-name.json"));
    }

    @Test
    void parse_whenHelpAnywhere_returnsHelp() throws CliFailure {
        assertThat(parse(Map.of(), "--help").isHelp()).isTrue();
        assertThat(parse(Map.of(), "validate", "-h").isHelp()).isTrue();
    }

    @Test
    void parse_whenArgumentsWrong_throwsUsageErrorsNamingTheProblem() {
        assertUsage("missing command", new String[0]);
        assertUsage("unknown command `lint`", "lint", "a.json");
        assertUsage("unknown option `--colour`", "validate", "--colour", "a.json");
        assertUsage("option `--format` needs a value", "validate", "a.json", "--format");
        assertUsage("missing file", "validate", "--format", "json");
        assertUsage("invalid --format `xml`", "validate", "--format", "xml", "a.json");
        assertUsage("invalid --threshold `severe`", "validate", "--threshold", "severe", "a.json");
        assertUsage("invalid --roles `iam`", "validate", "--roles", "iam", "a.json");
        assertUsage("invalid --roles `gaad:`", "validate", "--roles", "gaad:", "a.json");
        assertUsage("invalid --account `12345`", "validate", "--account", "12345", "a.json");
    }

    @Test
    void parse_whenCheckRoleWithItsOptions_readsThem() throws CliFailure {
        CliOptions options = parse(Map.of(), "check-role", "trust.json", "--ecs-role", "--github-deployments=d.json",
                "--format", "sarif", "--threshold", "medium", "--output", "out.sarif", "gaad.json");

        assertThat(options.isCheckRole()).isTrue();
        assertThat(options.files()).containsExactly(Path.of("trust.json"), Path.of("gaad.json"));
        assertThat(options.ecsRole()).isTrue();
        assertThat(options.deployments()).isEqualTo(Path.of("d.json"));
        assertThat(options.format()).isEqualTo(OutputFormat.SARIF);
        assertThat(options.threshold()).isEqualTo(Severity.MEDIUM);
        assertThat(options.output()).isEqualTo(Path.of("out.sarif"));
        assertThat(options.policyKind()).isNull();
    }

    @Test
    void parse_whenCheckRoleKind_readsItAndAutoMeansInfer() throws CliFailure {
        assertThat(parse(Map.of(), "check-role", "p.json", "--kind", "execution").policyKind())
                .isEqualTo(PolicyRoleKind.EXECUTION);
        assertThat(parse(Map.of(), "check-role", "p.json", "--kind=Deploy").policyKind())
                .isEqualTo(PolicyRoleKind.DEPLOY);
        assertThat(parse(Map.of(), "check-role", "p.json", "--kind", "auto").policyKind()).isNull();
        assertUsage("invalid --kind `admin`: expected execution, task, deploy, other or auto", "check-role",
                "p.json", "--kind", "admin");
        assertUsage("option `--kind` does not apply to validate", "validate", "td.json", "--kind", "task");
    }

    @Test
    void parse_whenCheckRoleWithoutOptions_defaultsToNoDeploymentsAndNoEcsRole() throws CliFailure {
        CliOptions options = parse(Map.of(), "check-role", "trust.json");

        assertThat(options.ecsRole()).isFalse();
        assertThat(options.deployments()).isNull();
        assertThat(options.threshold()).isEqualTo(Severity.HIGH);
    }

    @Test
    void parse_whenCheckRoleArgumentsWrong_throwsUsageErrorsNamingTheProblem() {
        assertUsage("missing file: give at least one role or policy JSON file", "check-role", "--ecs-role");
        assertUsage("option `--roles` does not apply to check-role", "check-role", "--roles", "skip", "a.json");
        assertUsage("option `--allowed-registry` does not apply to check-role", "check-role", "--allowed-registry",
                "x", "a.json");
        assertUsage("option `--github-deployments` does not apply to validate", "validate", "--github-deployments",
                "d.json", "a.json");
        assertUsage("option `--github-deployments` needs a value", "check-role", "a.json", "--github-deployments");
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> parse(Map.of(), args)).isInstanceOf(CliFailure.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((CliFailure) e).isUsage()).isTrue());
    }
}
