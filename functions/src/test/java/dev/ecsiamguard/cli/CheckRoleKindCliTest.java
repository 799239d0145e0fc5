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

/**
 * {@code check-role} on bare permission policies: the kind inferred or given with {@code --kind}, said in every
 * output, and template placeholders judged at their cautious reading instead of exit 2.
 */
class CheckRoleKindCliTest {

    private static final String MANAGED_EXECUTION = resource("cli/roles/permission-ecs-task-execution-managed.json");
    private static final String SECRETS = resource("cli/roles/permission-secrets-logs-metrics.json");
    private static final String PASSROLE = resource("cli/roles/permission-passrole-star.json");

    @TempDir
    Path temp;

    @Test
    void checkRole_whenAwsManagedExecutionPolicy_infersExecutionAndReportsNoDeployFinding() {
        CliRun run = CliRun.run("check-role", MANAGED_EXECUTION, "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode file = file(run);
        assertThat(text(file, "policyKind")).isEqualTo("execution");
        assertThat(get(file, "policyKindInferred").asBoolean()).isTrue();
        assertThat(text(file, "note")).contains("inferred: it may pull images from ECR").contains("--kind");
        assertThat(ruleIds(file)).noneMatch(id -> id.startsWith("DEPLOY-"));
        assertThat(run.out()).doesNotContain("Deploy role");
    }

    @Test
    void checkRole_whenKindTaskOnSecretsLogsAndMetrics_reportsTheOverBroadSecretsRead() {
        CliRun run = CliRun.run("check-role", SECRETS, "--kind", "task", "--format", "json");

        JsonNode file = file(run);
        assertThat(text(file, "policyKind")).isEqualTo("task");
        assertThat(get(file, "policyKindInferred").asBoolean()).isFalse();
        assertThat(text(file, "note")).contains("given with --kind task");
        assertThat(ruleIds(file)).contains("TASK-SECRETS-WILDCARD", "TASK-SERVICE-WILDCARD");
    }

    @Test
    void checkRole_whenKindDeployOnADeployPolicy_keepsTheFindingsOfAuto() {
        CliRun auto = CliRun.run("check-role", PASSROLE, "--format", "json");
        CliRun deploy = CliRun.run("check-role", PASSROLE, "--kind", "deploy", "--format", "json");

        assertThat(text(file(auto), "policyKind")).isEqualTo("deploy");
        assertThat(get(file(deploy), "report").toString()).isEqualTo(get(file(auto), "report").toString());
        assertThat(ruleIds(file(deploy))).contains("DEPLOY-PASSROLE-WILDCARD");
        assertThat(deploy.exitCode()).isEqualTo(1);
    }

    @Test
    void checkRole_whenKindInText_saysWhatThePolicyWasJudgedAs() {
        CliRun run = CliRun.run("check-role", MANAGED_EXECUTION, "--kind", "other");

        assertThat(run.out()).contains("judged as a role of unknown use (other, given with --kind other)");
    }

    @Test
    void checkRole_whenSarif_saysTheKindInANotification() {
        CliRun run = CliRun.run("check-role", MANAGED_EXECUTION, "--format", "sarif");

        JsonNode invocation = get(get(run.json(), "runs").asArray().get(0), "invocations").asArray().get(0);
        assertThat(get(invocation, "toolExecutionNotifications").asArray()).anySatisfy(n -> {
            assertThat(text(get(n, "descriptor"), "id")).isEqualTo("policy-kind");
            assertThat(text(get(n, "message"), "text")).contains("judged as an ECS task execution role");
        });
    }

    @Test
    void checkRole_whenResourcePlaceholder_judgesTheRestAndSaysWhatWasNotJudged() throws IOException {
        Path policy = temp.resolve("template.json");
        Files.writeString(policy, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"iam:PassRole\",\"Resource\":\"${task_role_arn}\"}]}", StandardCharsets.UTF_8);

        CliRun run = CliRun.run("check-role", policy.toString(), "--format", "json");

        // The unknown role could be any role: the cautious reading fails the pass-role rule.
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(ruleIds(file(run))).contains("POLICY-PLACEHOLDER", "DEPLOY-PASSROLE-WILDCARD");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkRole_whenFederatedPrincipalPlaceholder_runsTheGitHubRulesOnTheConditions() throws IOException {
        Path trust = temp.resolve("trust.json");
        Files.writeString(trust, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Federated\":\"${trusted_entity}\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":"
                + "{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:*\"}}}]}",
                StandardCharsets.UTF_8);

        CliRun run = CliRun.run("check-role", trust.toString(), "--format", "sarif");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("OIDC-SUB-WILDCARD", "OIDC-AUD-MISSING", "POLICY-PLACEHOLDER");
    }

    private static JsonNode file(CliRun run) {
        return run.json().field("files").orElseThrow().asArray().get(0);
    }

    private static List<String> ruleIds(JsonNode file) {
        return get(get(file, "report"), "findings").asArray().stream().map(f -> text(f, "ruleId")).toList();
    }
}
