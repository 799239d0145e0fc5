package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.GitHubOidcService;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.IamDocuments;
import dev.ecsiamguard.core.github.GitHubDeployments;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/** The GitHub OIDC function end to end against moto: provisioning, replay, role checks and role-use checks. */
class GitHubOidcHandlerMotoTest {

    private static final String PROVIDER_EVENT = "events/cloudtrail/iam-create-open-id-connect-provider.json";
    private static final String PROVIDER_ARN =
            "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    private static final String ROLE = "ecs-payments-api-github-deploy";
    private static final String DEPLOYMENTS = "[{\"service\":\"payments-api\",\"repository\":\"acme/payments-api\","
            + "\"repositoryId\":\"789012\",\"ownerId\":\"123456\",\"branches\":[\"main\"],"
            + "\"environments\":[\"production\"],\"ecrRepository\":\"payments/api\",\"cluster\":\"ecs-dev\","
            + "\"ecsService\":\"payments-api\",\"region\":\"eu-west-1\"}]";

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final CallRecorder recorder = new CallRecorder();
    private IamClient iam;

    @BeforeEach
    void deploy() {
        moto.reset();
        aws.deployApplicationBus();
        iam = aws.clients().iam();
    }

    @Test
    void handleRequest_whenGitHubProviderCreated_createsProviderAndPinnedDeployRole() {
        Map<String, Object> result = handler(DEPLOYMENTS).handleRequest(event(PROVIDER_EVENT), context());

        assertThat(result).containsEntry("status", "provisioned");
        assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(PROVIDER_ARN)).clientIDList())
                .containsExactly("sts.amazonaws.com");
        Role role = iam.getRole(r -> r.roleName(ROLE)).role();
        assertThat(role.path()).isEqualTo("/ecs-iam-guard/");
        JsonNode condition = Json.parse(IamDocuments.decode(role.assumeRolePolicyDocument())).asObject()
                .get("Statement").asArray().get(0).asObject().get("Condition").asObject().get("StringEquals");
        assertThat(condition.asObject().get("token.actions.githubusercontent.com:aud").text())
                .isEqualTo("sts.amazonaws.com");
        assertThat(condition.asObject().get("token.actions.githubusercontent.com:sub").asArray())
                .extracting(JsonNode::text).containsExactly(
                        "repo:acme@123456/payments-api@789012:ref:refs/heads/main",
                        "repo:acme@123456/payments-api@789012:environment:production");
        String permissions = IamDocuments.decode(iam.getRolePolicy(r -> r.roleName(ROLE)
                .policyName("ecs-iam-guard-github-deploy")).policyDocument());
        assertThat(permissions).contains("arn:aws:ecr:eu-west-1:123456789012:repository/payments/api",
                "arn:aws:ecs:eu-west-1:123456789012:service/ecs-dev/payments-api",
                "arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-payments-api-execution-role",
                "\"iam:PassedToService\":\"ecs-tasks.amazonaws.com\"");
        assertThat(detailTypes(aws.publishedEvents())).containsExactly("GitHub Deploy Role Provisioned");
        assertThat(findings(result)).isEmpty();
    }

    @Test
    void handleRequest_whenProviderEventReplayed_writesAndPublishesNothing() {
        handler(DEPLOYMENTS).handleRequest(event(PROVIDER_EVENT), context());
        aws.publishedEvents();
        recorder.clear();

        Map<String, Object> replay = handler(DEPLOYMENTS).handleRequest(event(PROVIDER_EVENT), context());

        assertThat(replay).containsEntry("status", "provisioned").containsEntry("changes", List.of());
        assertThat(recorder.calls()).isNotEmpty();
        assertThat(recorder.writes()).isEmpty();
        assertThat(aws.publishedEvents()).isEmpty();
    }

    @Test
    void handleRequest_whenTwoProviderEventsArriveAtOnce_convergesOnOneProviderAndRole() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<Map<String, Object>> run = () -> {
            GitHubOidcHandler handler = handler(DEPLOYMENTS);
            start.await();
            return handler.handleRequest(event(PROVIDER_EVENT), context());
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map<String, Object>> first = pool.submit(run);
            Future<Map<String, Object>> second = pool.submit(run);
            start.countDown();
            assertThat(first.get()).containsEntry("status", "provisioned");
            assertThat(second.get()).containsEntry("status", "provisioned");
        } finally {
            pool.shutdownNow();
        }
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).hasSize(1);
        assertThat(iam.listRoles().roles()).extracting(Role::roleName).containsExactly(ROLE);
        recorder.clear();
        handler(DEPLOYMENTS).handleRequest(event(PROVIDER_EVENT), context());
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void handleRequest_whenProviderExistsWithThumbprint_keepsItAndReportsInfo() {
        iam.createOpenIDConnectProvider(r -> r.url("https://token.actions.githubusercontent.com")
                .clientIDList("sts.amazonaws.com").thumbprintList("6938fd4d98bab03faadb97b34396831e3780aea1"));

        Map<String, Object> result = handler(DEPLOYMENTS).handleRequest(event(PROVIDER_EVENT), context());

        assertThat(result.get("changes").toString()).doesNotContain("create OIDC provider");
        assertThat(recorder.writes()).doesNotContain("Iam:CreateOpenIDConnectProvider");
        assertThat(findings(result)).containsExactly("OIDC-THUMBPRINT:INFORMATIONAL");
    }

    @Test
    void handleRequest_whenAllowedSubjectAssumesRole_passesAndPublishesNothing() {
        handler(DEPLOYMENTS).handleRequest(event(PROVIDER_EVENT), context());
        aws.publishedEvents();

        Map<String, Object> result = handler(DEPLOYMENTS).handleRequest(
                event("events/cloudtrail/sts-assume-role-with-web-identity.json"), context());

        assertThat(result).containsEntry("status", "checked");
        assertThat(findings(result)).isEmpty();
        assertThat(aws.publishedEvents()).isEmpty();
    }

    @Test
    void handleRequest_whenOtherRepositoryOrOrgAssumesRole_publishesUnexpectedSubject() {
        handler(DEPLOYMENTS).handleRequest(event(PROVIDER_EVENT), context());
        aws.publishedEvents();

        Map<String, Object> otherRepo = handler(DEPLOYMENTS).handleRequest(
                event("events/cloudtrail/sts-assume-role-with-web-identity-other-repository.json"), context());
        Map<String, Object> otherOrg = handler(DEPLOYMENTS).handleRequest(
                event("events/cloudtrail/sts-assume-role-with-web-identity-other-org.json"), context());

        assertThat(findings(otherRepo)).containsExactly("OIDC-RT-UNEXPECTED-SUBJECT:HIGH");
        assertThat(findings(otherOrg)).containsExactly("OIDC-RT-UNEXPECTED-SUBJECT:CRITICAL");
        List<String> published = aws.publishedEvents();
        assertThat(detailTypes(published)).containsExactly("GitHub Role Use Checked", "GitHub Role Use Checked");
        JsonNode finding = Json.parse(published.get(1)).asObject().get("detail").asObject().get("report").asObject()
                .get("findings").asArray().get(0);
        assertThat(finding.asObject().get("severity").text()).isEqualTo("CRITICAL");
        assertThat(finding.asObject().get("resourceArn").text())
                .isEqualTo("arn:aws:iam::123456789012:role/ecs-iam-guard/" + ROLE);
        assertThat(finding.asObject().get("message").text()).contains("evil-corp");
        assertThat(finding.asObject().get("fix").text()).contains("repo:acme@123456/payments-api@789012");
    }

    @Test
    void handleRequest_whenTrustWidenedByHand_reportsWildcardAndDriftAtUse() {
        handler(DEPLOYMENTS).handleRequest(event(PROVIDER_EVENT), context());
        String wide = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + PROVIDER_ARN + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
                + "{\"token.actions.githubusercontent.com:sub\":\"repo:acme/*\"}}}]}";
        iam.updateAssumeRolePolicy(r -> r.roleName(ROLE).policyDocument(wide));
        aws.publishedEvents();

        Map<String, Object> checked = handler(DEPLOYMENTS).handleRequest(
                event("events/cloudtrail/iam-update-assume-role-policy.json"), context());
        Map<String, Object> used = handler(DEPLOYMENTS).handleRequest(
                event("events/cloudtrail/sts-assume-role-with-web-identity.json"), context());

        assertThat(findings(checked)).containsExactlyInAnyOrder("OIDC-SUB-WILDCARD:MEDIUM", "OIDC-AUD-MISSING:MEDIUM",
                "OIDC-MUTABLE-SUB:MEDIUM");
        assertThat(findings(used)).contains("OIDC-RT-ROLE-DRIFT:HIGH", "OIDC-SUB-WILDCARD:MEDIUM");
        assertThat(detailTypes(aws.publishedEvents())).containsExactly("GitHub Role Checked",
                "GitHub Role Use Checked");
    }

    @Test
    void handleRequest_whenUnmanagedGitHubRoleIsAdmin_reportsDeployRules() {
        String wide = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + PROVIDER_ARN + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}";
        iam.createRole(r -> r.roleName("legacy-github-deploy").assumeRolePolicyDocument(wide));
        iam.attachRolePolicy(r -> r.roleName("legacy-github-deploy")
                .policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));

        Map<String, Object> result = handler(DEPLOYMENTS).handleRequest(
                event("events/cloudtrail/iam-attach-role-policy.json"), context());

        assertThat(findings(result)).contains("OIDC-SUB-MISSING:CRITICAL", "OIDC-AUD-MISSING:MEDIUM",
                "DEPLOY-ADMIN:CRITICAL", "DEPLOY-PASSROLE-WILDCARD:HIGH", "DEPLOY-ECS-PRIVESC:HIGH");
        assertThat(detailTypes(aws.publishedEvents())).containsExactly("GitHub Role Checked");
    }

    @Test
    void handleRequest_whenRequestedOnDemand_provisionsThenChecksTheRole() {
        Map<String, Object> provisioned = handler(DEPLOYMENTS).handleRequest(
                event("events/on-demand/github-provision.json"), context());
        Map<String, Object> checked = handler(DEPLOYMENTS).handleRequest(
                event("events/on-demand/github-check-role.json"), context());

        assertThat(provisioned).containsEntry("status", "provisioned");
        assertThat(provisioned.get("changes").toString()).contains("create OIDC provider", "create role " + ROLE);
        assertThat(checked).containsEntry("status", "checked");
        assertThat(findings(checked)).isEmpty();
    }

    @Test
    void handleRequest_whenRoleDoesNotTrustGitHub_skipsIt() {
        iam.createRole(r -> r.roleName("legacy-github-deploy").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}"));

        Map<String, Object> result = handler(DEPLOYMENTS).handleRequest(
                event("events/cloudtrail/iam-put-role-policy.json"), context());

        assertThat(result).containsEntry("status", "skipped");
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void handleRequest_whenInputInvalid_rejectsWithoutAnyCall() {
        GitHubOidcHandler handler = handler(DEPLOYMENTS);
        for (String file : List.of("events/invalid/iam-create-open-id-connect-provider-gitlab.json",
                "events/invalid/github-request-unknown-action.json",
                "events/invalid/iam-create-open-id-connect-provider-failed-call.json",
                "events/invalid/iam-put-role-policy-missing-role-name.json",
                "events/invalid/sts-assume-role-with-web-identity-malformed-subject.json",
                "events/invalid/sts-assume-role-with-web-identity-other-provider.json",
                "events/invalid/not-cloudtrail.json")) {
            recorder.clear();
            Map<String, Object> result = handler.handleRequest(event(file), context());

            assertThat(result).as(file).containsEntry("status", "rejected");
            assertThat((String) result.get("error")).as(file).isNotBlank();
            assertThat(recorder.calls()).as(file).isEmpty();
        }
    }

    @Test
    void handleRequest_whenConfiguredRepositoryNameInvalid_rejectsNamingTheFieldAndWritesNothing() {
        Map<String, String> env = new HashMap<>(moto.environment());
        env.put("GITHUB_DEPLOYMENTS", DEPLOYMENTS.replace("acme/payments-api", "acme/payments api"));

        Map<String, Object> result = new GitHubOidcHandler(env).handleRequest(event(PROVIDER_EVENT), context());

        assertThat(result).containsEntry("status", "rejected");
        assertThat((String) result.get("error")).contains("GITHUB_DEPLOYMENTS", "`repository`");
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
        assertThat(iam.listRoles().roles()).isEmpty();
    }

    private GitHubOidcHandler handler(String deployments) {
        return handler(moto, recorder, deployments);
    }

    /** The GitHub function against moto, configured with these deployments, its calls recorded. */
    static GitHubOidcHandler handler(MotoServer moto, CallRecorder recorder, String deployments) {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(moto.environment());
        GitHubOidcService service = new GitHubOidcService(config, GitHubDeployments.parse(deployments,
                config.clusterName(), Optional.empty()), new AwsClients(moto.settings().withInterceptor(recorder)),
                LocalAws.BUS);
        return new GitHubOidcHandler(() -> service, "us-east-1");
    }

    /** The report's findings as `ruleId:severity`. */
    @SuppressWarnings("unchecked")
    static List<String> findings(Map<String, Object> result) {
        Map<String, Object> report = (Map<String, Object>) result.get("report");
        return ((List<Map<String, Object>>) report.get("findings")).stream()
                .map(f -> f.get("ruleId") + ":" + f.get("severity")).toList();
    }

    private static List<String> detailTypes(List<String> published) {
        return published.stream().map(p -> Json.parse(p).asObject().get("detail-type").text()).toList();
    }

    private static ScheduledEvent event(String path) {
        return EventLoader.loadScheduledEvent(path);
    }

    private static LocalContext context() {
        return new LocalContext("GitHubOidcFunction", 60, 1024, new PrintStream(OutputStream.nullOutputStream()));
    }
}
