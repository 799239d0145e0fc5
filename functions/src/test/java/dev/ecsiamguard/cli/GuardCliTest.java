package dev.ecsiamguard.cli;

import static dev.ecsiamguard.cli.CliRun.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.roles.RoleResolution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardCliTest {

    private static final String CLEAN = resource("cli/clean-task-definition.json");
    private static final String PRIVILEGED = resource("cli/privileged-task-definition.json");

    @TempDir
    Path temp;

    @Test
    void run_whenNoFindingAtThreshold_exitsZero() {
        CliRun run = CliRun.run("validate", CLEAN);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("PASSED");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void run_whenFindingAtOrAboveThreshold_exitsOne() {
        assertThat(CliRun.run("validate", PRIVILEGED).exitCode()).isEqualTo(1);
        assertThat(CliRun.run("validate", PRIVILEGED, "--threshold", "critical").exitCode()).isZero();
        assertThat(CliRun.run("validate", CLEAN, "--threshold", "low").exitCode()).isZero();
    }

    @Test
    void run_whenUsageError_exitsTwoWithMessageAndHint() {
        CliRun run = CliRun.run("validate", "--bogus", CLEAN);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error: unknown option `--bogus`").contains("--help");
    }

    @Test
    void run_whenHelp_printsUsageWithExitCodesAndExitsZero() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("validate <task-definition.json>").contains("exit codes:").contains("--roles");
    }

    @Test
    void run_whenFileMissing_exitsTwoAndStillReportsTheOtherFiles() {
        CliRun run = CliRun.run("validate", CLEAN, temp.resolve("absent.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("PASSED").contains("absent.json").contains("no such file");
    }

    @Test
    void run_whenFileUnparsable_exitsTwoWithLocatedError() throws IOException {
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, "{\"family\": \"x\", \"containerDefinitions\": {}}", StandardCharsets.UTF_8);

        CliRun run = CliRun.run("validate", bad.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: ").contains("bad.json: containerDefinitions");
        assertThat(run.json().field("files").orElseThrow().asArray().get(0).field("error").orElseThrow()
                .asString()).startsWith("containerDefinitions");
    }

    @Test
    void run_whenOutputGiven_writesTheFileAndNothingToStandardOutput() throws IOException {
        Path output = temp.resolve("reports/result.sarif");

        CliRun run = CliRun.run("validate", PRIVILEGED, "--format", "sarif", "--output", output.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(output)).contains("\"version\":\"2.1.0\"");
    }

    @Test
    void run_whenRolesSkippedByDefault_saysSoInEveryFormat() {
        assertThat(CliRun.run("validate", CLEAN).out()).contains("roles: role checks were skipped");
        assertThat(CliRun.run("validate", CLEAN, "--format", "json").json().field("roles").orElseThrow()
                .field("checked").orElseThrow().asBoolean()).isFalse();
        assertThat(CliRun.run("validate", CLEAN, "--format", "sarif").out())
                .contains("\"roleChecks\":\"skipped\"").contains("\"id\":\"roles-skipped\"");
    }

    @Test
    void run_whenRolesFromSavedAccountDetails_saysWhereTheyCameFrom() {
        CliRun run = CliRun.run("validate", CLEAN, "--roles", "gaad:" + resource("gaad/account-details.json"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("roles: roles from the saved account details")
                .contains("(3 roles, 1 with policy documents missing");
    }

    @Test
    void run_whenSavedAccountDetailsMalformed_exitsTwoWithLocation() throws IOException {
        Path gaad = temp.resolve("gaad.json");
        Files.writeString(gaad, "{\"RoleDetailList\": [{\"RoleName\": \"r\"}]}", StandardCharsets.UTF_8);

        CliRun run = CliRun.run("validate", CLEAN, "--roles", "gaad:" + gaad);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gaad.json: RoleDetailList[0].Arn: missing");
    }

    @Test
    void run_whenAccountRolesChosenButNotAvailable_exitsTwoSayingWhatToDoInstead() {
        CliRun run = CliRun.run("validate", CLEAN, "--roles", "account");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not available here").contains("--roles gaad:");
    }

    @Test
    void run_whenAccountRolesDefaultButNotAvailable_warnsAndSkips() {
        CliRun run = CliRun.run(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
                AccountRoleLookupFactory.NOT_AVAILABLE, "validate", CLEAN);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("warning: ");
        assertThat(run.out()).contains("roles: role checks were skipped: the account could not be reached");
    }

    @Test
    void run_whenAccountFactoryAvailable_usesItsLookup() {
        CliRun run = CliRun.run(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"),
                env -> name -> RoleResolution.missing("fake"), "validate", CLEAN, "--format", "json");

        assertThat(run.json().field("roles").orElseThrow().field("source").orElseThrow().asString())
                .isEqualTo("account");
    }

    @Test
    void run_whenAllowedRegistryGiven_replacesTheDefaults() {
        CliRun run = CliRun.run("validate", CLEAN, "--allowed-registry", "ghcr.io/acme/");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("TD-IMAGE-REGISTRY");
    }
}
