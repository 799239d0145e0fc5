package dev.ecsiamguard.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.app.SweepAccounts;
import dev.ecsiamguard.app.SweepConfig;
import dev.ecsiamguard.app.SweepRunner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.core.sweep.AccountSection;
import dev.ecsiamguard.core.sweep.ItemKind;
import dev.ecsiamguard.core.sweep.SweepReport;
import dev.ecsiamguard.testing.ThrottlingProxy;
import dev.ecsiamguard.testing.LargeAccount;
import dev.ecsiamguard.testing.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * An organization of three accounts in moto (Organizations + STS): the management account, a member that lets
 * the sweep in, and a member whose role cannot be assumed (the proxy answers AccessDenied). One report, three
 * sections; the unreachable account is reported, not fatal.
 */
class OrganizationSweepMotoTest {

    private static final MotoServer MOTO = MotoServer.get();
    private static final String MANAGEMENT = "123456789012";

    @Test
    void threeAccountsOneUnreachable_oneReportWithThreeSections() throws Exception {
        MOTO.reset();
        List<String> members = createOrganization();
        String reachable = members.get(0);
        String unreachable = members.get(1);
        registerTaskDefinition(clientsIn(MANAGEMENT), MANAGEMENT, "mgmt-web");
        registerTaskDefinition(clientsIn(reachable), reachable, "member-web");

        SweepReport report;
        try (ThrottlingProxy proxy = new ThrottlingProxy(MOTO.endpoint(), 0.0,
                body -> body.contains("Action=AssumeRole") && body.contains("%3A" + unreachable + "%3A"))) {
            Map<String, String> env = LargeAccount.sweepEnvironment(MOTO);
            env.putAll(proxy.environment(MOTO));
            SweepConfig config = SweepConfig.fromEnvironment(env).withOrganization(true, "ecs-iam-guard-sweep-reader");
            AwsClients own = new AwsClients(AwsSettings.fromEnvironment(env), SweepAccounts.MAX_ATTEMPTS);
            report = new SweepRunner(config, new SweepAccounts(config, own, MANAGEMENT), 2, 10,
                    SweepRunner.Progress.NONE).run("org");
        }

        assertThat(report.sections()).extracting(AccountSection::account)
                .containsExactlyInAnyOrder(MANAGEMENT, reachable, unreachable);
        assertThat(section(report, MANAGEMENT).outcomes()).anyMatch(o -> o.item().kind() == ItemKind.TASK_DEFINITION
                && o.item().ref().contains(":" + MANAGEMENT + ":task-definition/mgmt-web:1") && o.isJudged());
        assertThat(section(report, reachable).reachable()).isTrue();
        assertThat(section(report, reachable).outcomes()).singleElement().satisfies(o -> {
            assertThat(o.item().ref()).contains(":" + reachable + ":task-definition/member-web:1");
            assertThat(o.isJudged()).isTrue();
        });
        assertThat(section(report, unreachable).reachable()).isFalse();
        assertThat(section(report, unreachable).reason()).contains("AccessDenied").contains("sts:AssumeRole");
        assertThat(report.passed()).isFalse();
        assertThat(report.toMap().get("unreachableAccounts")).isEqualTo(1L);
    }

    private static AccountSection section(SweepReport report, String account) {
        return report.sections().stream().filter(s -> s.account().equals(account)).findFirst().orElseThrow();
    }

    /** Organizations has no module in this build: boto3 sets the organization up, as an administrator would. */
    private static List<String> createOrganization() throws Exception {
        String script = """
                import boto3, os
                org = boto3.client("organizations", endpoint_url=os.environ["AWS_ENDPOINT_URL"],
                                   region_name="us-east-1")
                org.create_organization(FeatureSet="ALL")
                for name in ("reachable", "unreachable"):
                    status = org.create_account(Email=name + "@example.com", AccountName=name)["CreateAccountStatus"]
                    print(status["AccountId"])
                """;
        ProcessBuilder pb = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true);
        pb.environment().putAll(MOTO.environment());
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as(out).isZero();
        return List.of(out.split("\\s+"));
    }

    /** Clients acting in an account: its own credentials for the management account, an assumed role otherwise. */
    private static AwsClients clientsIn(String account) {
        AwsClients management = new AwsClients(MOTO.settings());
        if (account.equals(MANAGEMENT)) {
            return management;
        }
        Credentials c = management.sts().assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/admin")
                .roleSessionName("setup")).credentials();
        AwsSettings base = MOTO.settings();
        return new AwsClients(new AwsSettings(base.region(), base.endpoints(), base.defaultEndpoint(),
                StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                        c.sessionToken())), List.of()));
    }

    private static void registerTaskDefinition(AwsClients clients, String account, String family) {
        clients.ecs().registerTaskDefinition(r -> r.family(family).networkMode("awsvpc").cpu("256").memory("512")
                .requiresCompatibilitiesWithStrings("FARGATE").containerDefinitions(c -> c.name("app")
                        .image("public.ecr.aws/nginx/nginx:1.27").essential(true).memory(256)));
        assertThat(clients.ecs().listTaskDefinitions(r -> { }).taskDefinitionArns())
                .allMatch(arn -> arn.contains(":" + account + ":"));
    }
}
