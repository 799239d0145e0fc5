package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ecsiamguard.testing.MotoServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the role-change function refuses before any AWS call: failed calls, other events, a bad configuration. */
class RoleChangeHandlerTest {

    private final RoleChangeFixture fixture = new RoleChangeFixture(MotoServer.get(), "us-east-1");

    @ParameterizedTest
    @ValueSource(strings = {"events/invalid/iam-detach-role-policy-failed-call.json",
        "events/invalid/iam-put-role-policy-missing-role-name.json", "events/invalid/not-cloudtrail.json",
        "events/cloudtrail/iam-create-role-github.json", "events/cloudtrail/ecr-create-repository.json"})
    void handleRequest_whenEventIsNotASuccessfulChangeItHandles_rejectsWithoutAnyCall(String file) {
        Map<String, Object> result = fixture.handler().handleRequest(RoleChangeFixture.event(file),
                RoleChangeFixture.context());

        assertThat(result).containsEntry("status", "rejected").containsEntry("awsCalls", 0L);
        assertThat(String.valueOf(result.get("error"))).isNotBlank();
        assertThat(fixture.recorder.calls()).isEmpty();
    }

    @Test
    void handleRequest_whenFailedCall_saysWhichError() {
        Map<String, Object> result = fixture.handler().handleRequest(
                RoleChangeFixture.event("events/invalid/iam-detach-role-policy-failed-call.json"),
                RoleChangeFixture.context());

        assertThat(String.valueOf(result.get("error"))).contains("DetachRolePolicy failed with `AccessDenied`");
    }

    @Test
    void handleRequest_whenValidatedEventHasNoRevision_rejectsIt() {
        ScheduledEvent event = RoleChangeFixture.validated("payments-api");

        Map<String, Object> result = fixture.handler().handleRequest(event, RoleChangeFixture.context());

        assertThat(result).containsEntry("status", "rejected").containsEntry("changes", List.of());
    }

    @Test
    void constructor_whenTableIsMissingOrModeEnforces_failsAtColdStart() {
        Map<String, String> noTable = new HashMap<>(fixture.environment());
        noTable.remove("ROLE_USAGE_TABLE");
        Map<String, String> enforce = new HashMap<>(fixture.environment());
        enforce.put("MODE", "enforce");

        assertThatThrownBy(() -> new RoleChangeHandler(noTable)).hasMessageContaining("ROLE_USAGE_TABLE");
        assertThatThrownBy(() -> new RoleChangeHandler(enforce)).hasMessageContaining("only reports");
    }
}
