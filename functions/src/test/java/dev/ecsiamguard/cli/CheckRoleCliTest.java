package dev.ecsiamguard.cli;

import static dev.ecsiamguard.cli.CliRun.resource;
import static dev.ecsiamguard.cli.SarifShape.get;
import static dev.ecsiamguard.cli.SarifShape.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** {@code check-role} in-process on each kind of role document, in every format, with its exit codes. */
class CheckRoleCliTest {

    private static final String WILDCARD = resource("cli/roles/trust-github-wildcard.json");
    private static final String PINNED = resource("cli/roles/trust-github-pinned.json");
    private static final String ECS = resource("cli/roles/trust-ecs-tasks.json");
    private static final String PASSROLE = resource("cli/roles/permission-passrole-star.json");
    private static final String GET_ROLE = resource("cli/roles/get-role.json");
    private static final String ACCOUNT = resource("cli/roles/account-details.json");
    private static final String DEPLOY_ARN = "arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-shop-github-deploy";

    @TempDir
    Path temp;

    @Test
    void checkRole_whenTrustPolicyAllowsAnyRepository_reportsCriticalWildcardAndExitsOne() {
        CliRun run = CliRun.run("check-role", WILDCARD);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("ecs-iam-guard check-role").contains("(trust policy)")
                .contains("CRITICAL (1)").contains("OIDC-SUB-WILDCARD").contains("FAILED")
                .contains(RoleFileReader.TRUST_ONLY);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkRole_whenTrustPinnedToOneEnvironmentByIds_passesWithNoFinding() {
        CliRun run = CliRun.run("check-role", PINNED, "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode file = files(run).get(0);
        assertThat(text(file, "kind")).isEqualTo("trust policy");
        assertThat(get(get(file, "report"), "findings").asArray()).isEmpty();
    }

    @Test
    void checkRole_whenBarePermissionPolicyPassesAnyRole_reportsDeployPassRoleWildcardAndSaysWhichRulesRan() {
        CliRun run = CliRun.run("check-role", PASSROLE, "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode file = files(run).get(0);
        assertThat(text(file, "kind")).isEqualTo("permission policy");
        assertThat(text(file, "note")).startsWith(RoleFileReader.PERMISSIONS_ONLY + ": judged as a GitHub deploy role");
        assertThat(text(file, "policyKind")).isEqualTo("deploy");
        assertThat(ruleIds(file)).contains("DEPLOY-PASSROLE-WILDCARD").noneMatch(id -> id.startsWith("OIDC-"));
    }

    @Test
    void checkRole_whenGetRoleOutputWithEncodedTrust_checksTheRoleByArnWithoutDeployRules() {
        CliRun run = CliRun.run("check-role", GET_ROLE, "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode file = files(run).get(0);
        assertThat(text(file, "role")).isEqualTo("arn:aws:iam::123456789012:role/gh-deploy");
        assertThat(text(file, "note")).isEqualTo(RoleFileReader.GET_ROLE);
        // The Environment=production tag makes the unpinned trust a production finding as well.
        assertThat(ruleIds(file)).contains("OIDC-SUB-WILDCARD", "OIDC-PROD-UNPINNED")
                .noneMatch(id -> id.startsWith("DEPLOY-"));
    }

    @Test
    void checkRole_whenAccountDetailsWithSeveralRoles_reportsEachRoleInFileOrder() {
        CliRun run = CliRun.run("check-role", ACCOUNT, "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> files = files(run);
        assertThat(files).extracting(f -> text(f, "role")).containsExactly(DEPLOY_ARN,
                "arn:aws:iam::123456789012:role/shop-task-role", "arn:aws:iam::123456789012:role/legacy-role");
        assertThat(ruleIds(files.get(0))).contains("DEPLOY-PASSROLE-WILDCARD").doesNotContain("OIDC-MUTABLE-SUB");
        assertThat(ruleIds(files.get(1))).containsExactly("TRUST-CONFUSED-DEPUTY");
        assertThat(get(get(files.get(2), "report"), "errors").asArray()).singleElement()
                .satisfies(e -> assertThat(e.toString()).contains(RoleFileReader.INCOMPLETE, "legacy-access"));
    }

    @Test
    void checkRole_whenAccountDetailsInText_showsOneSectionPerRoleAndATotal() {
        CliRun run = CliRun.run("check-role", ACCOUNT);

        assertThat(run.out()).contains("(role " + DEPLOY_ARN + ")").contains("(role arn:aws:iam::123456789012:role/"
                + "shop-task-role)").contains("rule error ROLE-INCOMPLETE").contains("3 reports: 1 passed, 2 failed");
    }

    @Test
    void checkRole_whenSarif_locatesEachRoleResultAtItsArnLine() throws IOException {
        CliRun run = CliRun.run("check-role", ACCOUNT, "--format", "sarif");

        SarifShape.assertValid(run.json(), "account details");
        JsonNode sarifRun = get(run.json(), "runs").asArray().get(0);
        JsonNode passRole = get(sarifRun, "results").asArray().stream()
                .filter(r -> text(r, "ruleId").equals("DEPLOY-PASSROLE-WILDCARD")).findFirst().orElseThrow();
        int line = Integer.parseInt(get(get(get(passRole, "locations").asArray().get(0), "physicalLocation"),
                "region").field("startLine").orElseThrow().asNumber());
        List<String> lines = Files.readAllLines(Path.of(ACCOUNT), StandardCharsets.UTF_8);
        assertThat(lines.get(line - 1)).contains("\"Arn\": \"" + DEPLOY_ARN + "\"");
        assertThat(text(get(passRole, "properties"), "role")).isEqualTo(DEPLOY_ARN);
        assertThat(run.out()).contains("rule-error");
    }

    @Test
    void checkRole_whenThresholdRaised_exitCodeFollowsIt() {
        assertThat(CliRun.run("check-role", ECS).exitCode()).isZero();
        assertThat(CliRun.run("check-role", ECS, "--threshold", "medium").exitCode()).isEqualTo(1);
        assertThat(CliRun.run("check-role", WILDCARD, "--threshold", "critical").exitCode()).isEqualTo(1);
        assertThat(CliRun.run("check-role", PASSROLE, "--threshold", "critical").exitCode()).isZero();
    }

    @Test
    void checkRole_whenEcsRoleFlagOnARoleNotTrustingEcsTasks_reportsExecTrust() {
        assertThat(CliRun.run("check-role", PINNED, "--ecs-role").out()).contains("EXEC-TRUST");
        assertThat(CliRun.run("check-role", PINNED).out()).doesNotContain("EXEC-TRUST");
    }

    @Test
    void checkRole_whenGitHubDeploymentsNameTheRole_holdsItToTheDeployment() throws IOException {
        Path deployments = temp.resolve("deployments.json");
        Files.writeString(deployments, "[{\"service\": \"shop\", \"repository\": \"acme/shop\", "
                + "\"ownerId\": \"1234\", \"repositoryId\": \"5678\", \"branches\": [\"main\"]}]",
                StandardCharsets.UTF_8);

        CliRun held = CliRun.run("check-role", ACCOUNT, "--github-deployments", deployments.toString(), "--format",
                "json");
        CliRun free = CliRun.run("check-role", ACCOUNT, "--format", "json");

        // With the deployment's ids configured, a name-only subject is a real gap, and fixes name its own roles.
        assertThat(severityOf(files(held).get(0), "OIDC-MUTABLE-SUB")).isEqualTo("MEDIUM");
        assertThat(ruleIds(files(free).get(0))).as("id form not known to be available").doesNotContain(
                "OIDC-MUTABLE-SUB");
        assertThat(get(get(files(held).get(0), "report"), "findings").toString())
                .contains("arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-shop-execution-role");
        assertThat(get(get(files(free).get(0), "report"), "findings").toString())
                .doesNotContain("ecs-shop-execution-role");
        assertThat(held.json().field("roles").orElseThrow().toString()).contains("1 deployment(s)");
    }

    @Test
    void checkRole_whenGitHubDeploymentsFileInvalid_exitsTwo() throws IOException {
        Path deployments = temp.resolve("deployments.json");
        Files.writeString(deployments, "[{\"service\": \"shop\"}]", StandardCharsets.UTF_8);

        CliRun run = CliRun.run("check-role", WILDCARD, "--github-deployments", deployments.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--github-deployments").contains("repository");
    }

    @Test
    void checkRole_whenPolicyMalformed_exitsTwoWithTheStatementLocation() throws IOException {
        Path bad = temp.resolve("bad-trust.json");
        Files.writeString(bad, "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                + "\"Principal\": {\"Service\": \"ecs-tasks.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}, "
                + "{\"Effect\": \"Perhaps\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\"}]}",
                StandardCharsets.UTF_8);

        CliRun run = CliRun.run("check-role", bad.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad-trust.json: statement 2");
        assertThat(text(files(run).get(0), "error")).startsWith("statement 2");
    }

    @Test
    void checkRole_whenNotJson_exitsTwoWithLineAndColumn() throws IOException {
        Path bad = temp.resolve("broken.json");
        Files.writeString(bad, "{\n  \"Statement\": [\n  }\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.run("check-role", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("error: line 3, column 3: not valid JSON");
    }

    @Test
    void checkRole_whenJsonOfAnotherShape_exitsTwoNamingTheAcceptedShapes() throws IOException {
        Path other = temp.resolve("task.json");
        Files.writeString(other, "{\"family\": \"web\"}", StandardCharsets.UTF_8);

        CliRun run = CliRun.run("check-role", other.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("not a role document").contains("get-role")
                .contains("get-account-authorization-details");
    }

    @Test
    void checkRole_whenAccountDetailsMalformed_exitsTwoWithThePath() throws IOException {
        Path gaad = temp.resolve("gaad.json");
        Files.writeString(gaad, "{\"RoleDetailList\": [{\"RoleName\": \"r\"}]}", StandardCharsets.UTF_8);

        CliRun run = CliRun.run("check-role", gaad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("RoleDetailList[0].Arn: missing");
    }

    @Test
    void checkRole_whenOneFileMissing_exitsTwoAndStillChecksTheOthers() {
        CliRun run = CliRun.run("check-role", PINNED, temp.resolve("absent.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("PASSED").contains("no such file");
    }

    @Test
    void checkRole_whenOptionOfValidateGiven_isAUsageError() {
        CliRun run = CliRun.run("check-role", PINNED, "--roles", "skip");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("option `--roles` does not apply to check-role");
        assertThat(CliRun.run("validate", PINNED, "--ecs-role").err())
                .contains("option `--ecs-role` does not apply to validate");
    }

    @Test
    void help_whenAsked_documentsCheckRole() {
        assertThat(CliRun.run("--help").out()).contains("check-role <role-or-policy.json>")
                .contains("--github-deployments").contains("--ecs-role");
    }

    private static List<JsonNode> files(CliRun run) {
        return run.json().field("files").orElseThrow().asArray();
    }

    private static String severityOf(JsonNode file, String ruleId) {
        return get(get(file, "report"), "findings").asArray().stream().filter(f -> text(f, "ruleId").equals(ruleId))
                .map(f -> text(f, "severity")).findFirst().orElseThrow();
    }

    private static List<String> ruleIds(JsonNode file) {
        return get(get(file, "report"), "findings").asArray().stream().map(f -> text(f, "ruleId")).toList();
    }
}
