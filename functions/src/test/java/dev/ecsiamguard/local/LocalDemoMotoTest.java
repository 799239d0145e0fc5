package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's main local job: every sample event through its function against moto, replays changing nothing. */
class LocalDemoMotoTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final String DEPLOYMENTS = "[{\"service\":\"payments-api\",\"repository\":\"acme/payments-api\","
            + "\"ownerId\":\"123456\",\"repositoryId\":\"789012\",\"branches\":[\"main\"],"
            + "\"environments\":[\"production\"],\"ecrRepository\":\"payments/api\"}]";

    private final MotoServer moto = MotoServer.get();

    @BeforeEach
    void freshAccount() {
        moto.reset();
    }

    @Test
    void run_whenEverySampleEventIsReplayed_reportsWhatChangedAndReplaysChangeNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SamTemplate template = SamTemplate.load(TEMPLATE, Map.of("GitHubDeployments", DEPLOYMENTS), "us-east-1");

        boolean idempotent = new LocalDemo(template, moto.environment(), new PrintStream(out, true,
                StandardCharsets.UTF_8)).run(Path.of("..", "events"), moto.endpoint().toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        long sampleFiles;
        try (var files = Files.walk(Path.of("..", "events"))) {
            sampleFiles = files.filter(f -> f.toString().endsWith(".json")).count();
        }
        assertThat(idempotent).isTrue();
        assertThat(printed).contains("+ create role ecs-payments-api-execution-role", "+ create cluster ecs-dev",
                "+ create role ecs-payments-api-github-deploy", "EXEC-SECRETS-SM", "OIDC-RT-UNEXPECTED-SUBJECT",
                "rejected: repository name `Payments_API!` is not a valid ECR repository name",
                "413 request_too_large", sampleFiles + " event(s):", ", 0 on replay.")
                .doesNotContain("NOT idempotent");
    }

    // As scripts/demo runs it: remediate mode with secret prefixes, so the revision's secrets are granted.
    @Test
    void run_inRemediateMode_leavesNoUnresolvedFindingOnTheRolesItMadeAndReplaysWriteNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SamTemplate template = SamTemplate.load(TEMPLATE, Map.of("GitHubDeployments", DEPLOYMENTS,
                "Mode", "remediate", "SecretsManagerPrefix", "{environment}/{service}/",
                "SsmParameterPrefix", "/{environment}/{service}/"), "us-east-1");

        boolean idempotent = new LocalDemo(template, moto.environment(), new PrintStream(out, true,
                StandardCharsets.UTF_8)).run(Path.of("..", "events"), moto.endpoint().toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(idempotent).as("every replay writes nothing").isTrue();
        assertThat(printed).contains(", 0 on replay.", "* granted secretsmanager:GetSecretValue on "
                + "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/payments-api/db-");
        List<String> ownRoles = printed.lines().map(String::strip).filter(l -> l.startsWith("+ create role "))
                .map(l -> l.substring("+ create role ".length())).distinct().toList();
        assertThat(ownRoles).contains("ecs-payments-api-execution-role", "ecs-payments-api-task-role");
        // Findings are printed as `- SEVERITY RULE: ...` (events) or `! RULE ...` (API answers). A use of a role
        // by someone else (OIDC-RT-*) is a finding about that use, not about the role.
        List<String> onOwnRoles = printed.lines().map(String::strip)
                .filter(l -> l.startsWith("- ") || l.startsWith("! "))
                .filter(l -> !l.contains("OIDC-RT-"))
                .filter(l -> ownRoles.stream().anyMatch(role -> l.contains("role " + role)
                        || l.contains("role/ecs-iam-guard/" + role))).toList();
        assertThat(onOwnRoles).isEmpty();
    }

    @Test
    void prepareFor_whenEventRecordsANewRepository_createsTheBusAndTheRepository() throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE, Map.of(), "us-east-1");
        AwsClients clients = new AwsClients(moto.settings());

        new LocalDemo(template, moto.environment(), new PrintStream(PrintStream.nullOutputStream()))
                .prepareFor(Files.readString(Path.of("..", "events", "cloudtrail", "ecr-create-repository.json")));

        assertThat(clients.eventBridge().listEventBuses(r -> { }).eventBuses()).extracting(b -> b.name())
                .contains("ecs-iam-guard");
        assertThat(clients.ecr().describeRepositories().repositories()).extracting(r -> r.repositoryName())
                .containsExactly("payments/api");
    }
}
