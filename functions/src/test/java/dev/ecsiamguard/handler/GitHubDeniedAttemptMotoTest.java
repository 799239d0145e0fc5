package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** A denied AssumeRoleWithWebIdentity on a configured deploy role is reported: OIDC-RT-DENIED-ATTEMPT. */
class GitHubDeniedAttemptMotoTest {

    private static final String DENIED = "events/cloudtrail/sts-assume-role-with-web-identity-denied.json";
    private static final String ACME = "[{\"service\":\"payments-api\",\"repository\":\"acme/payments-api\","
            + "\"branches\":[\"main\"]}]";

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final CallRecorder recorder = new CallRecorder();

    @BeforeEach
    void deploy() {
        moto.reset();
        aws.deployApplicationBus();
        aws.publishedEvents();
    }

    @Test
    void handleRequest_whenForeignRepositoryIsDeniedADeployRole_publishesHighFindingWithWhoAndWhere() {
        Map<String, Object> result = handler(ACME).handleRequest(event(DENIED), context());

        assertThat(result).containsEntry("status", "checked").containsEntry("action", "denied-use");
        List<String> published = aws.publishedEvents();
        assertThat(published).hasSize(1);
        JsonNode detail = Json.parse(published.get(0)).asObject().get("detail");
        JsonNode finding = detail.asObject().get("report").asObject().get("findings").asArray().get(0);
        assertThat(finding.asObject().get("ruleId").text()).isEqualTo("OIDC-RT-DENIED-ATTEMPT");
        assertThat(finding.asObject().get("severity").text()).isEqualTo("HIGH");
        assertThat(finding.asObject().get("message").text()).contains("repo:intruder/probe:ref:refs/heads/main",
                "intruder/probe", "192.0.2.66", "AccessDenied", "ecs-payments-api-github-deploy",
                "not a configured GitHub owner");
        assertThat(detail.asObject().get("report").asObject().get("passed").asBoolean()).isFalse();
        assertThat(recorder.calls()).containsExactly("EventBridge:PutEvents");
    }

    @Test
    void handleRequest_whenConfiguredOwnersOtherBranchIsDenied_reportsMedium() {
        Map<String, Object> result = handler(ACME.replace("acme/", "intruder/")).handleRequest(event(DENIED),
                context());

        assertThat(findings(result)).containsExactly("OIDC-RT-DENIED-ATTEMPT:MEDIUM");
    }

    @Test
    void handleRequest_whenDeniedRoleIsNoDeployRole_skipsWithoutAnyCall() {
        Map<String, Object> result = handler("[{\"service\":\"orders\",\"repository\":\"acme/orders\","
                + "\"branches\":[\"main\"]}]").handleRequest(event(DENIED), context());

        assertThat(result).containsEntry("status", "skipped");
        assertThat((String) result.get("reason")).contains("not a configured deploy role");
        assertThat(recorder.calls()).isEmpty();
        assertThat(aws.publishedEvents()).isEmpty();
    }

    private GitHubOidcHandler handler(String deployments) {
        return GitHubOidcHandlerMotoTest.handler(moto, recorder, deployments);
    }

    private static List<String> findings(Map<String, Object> result) {
        return GitHubOidcHandlerMotoTest.findings(result);
    }

    private static ScheduledEvent event(String path) {
        return EventLoader.loadScheduledEvent(path);
    }

    private static LocalContext context() {
        return new LocalContext("GitHubOidcFunction", 60, 1024, new PrintStream(OutputStream.nullOutputStream()));
    }
}
