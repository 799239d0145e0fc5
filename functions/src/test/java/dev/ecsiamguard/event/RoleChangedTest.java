package dev.ecsiamguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Role and policy changes read from the sample CloudTrail events, and ECS service changes. */
class RoleChangedTest {

    static RoleChanged read(String file) {
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/cloudtrail/" + file);
        return RoleChanged.from(event, CloudTrailCall.from(event));
    }

    @ParameterizedTest
    @CsvSource({
        "iam-attach-role-policy-admin-to-task-role.json, AttachRolePolicy, ecs-payments-api-task-role",
        "iam-detach-role-policy.json, DetachRolePolicy, ecs-payments-api-execution-role",
        "iam-delete-role-policy.json, DeleteRolePolicy, ecs-payments-api-execution-role",
        "iam-put-role-permissions-boundary.json, PutRolePermissionsBoundary, ecs-payments-api-task-role",
        "iam-delete-role-permissions-boundary.json, DeleteRolePermissionsBoundary, ecs-payments-api-task-role",
        "iam-update-assume-role-policy.json, UpdateAssumeRolePolicy, ecs-payments-api-github-deploy"})
    void from_whenRoleCall_namesTheRoleWhoAndWhen(String file, String call, String role) {
        RoleChanged change = read(file);

        assertThat(change.eventName()).isEqualTo(call);
        assertThat(change.roleName()).contains(role);
        assertThat(change.policyArn()).isEmpty();
        assertThat(change.changesEffectivePermissions()).isTrue();
        assertThat(change.who()).startsWith("arn:aws:sts::123456789012:assumed-role/");
        assertThat(change.describe()).containsEntry("call", "iam:" + call).containsKey("at");
    }

    @Test
    void from_whenPolicyVersionCall_namesThePolicyAndWhetherItIsTheDefault() {
        RoleChanged created = read("iam-create-policy-version.json");
        RoleChanged setDefault = read("iam-set-default-policy-version.json");

        assertThat(created.policyArn()).contains("arn:aws:iam::123456789012:policy/payments-api-secrets");
        assertThat(created.roleName()).isEmpty();
        assertThat(created.changesEffectivePermissions()).isTrue();
        assertThat(created.when()).isEqualTo("2026-11-25T11:06:00Z");
        assertThat(setDefault.changesEffectivePermissions()).isTrue();
    }

    @Test
    void from_whenNewVersionIsNotTheDefault_changesNothingEffective() {
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/cloudtrail/iam-create-policy-version.json");
        Map<String, Object> detail = new HashMap<>(event.getDetail());
        Map<String, Object> request = new HashMap<>(CloudTrailCall.from(event).requestParameters());
        request.put("setAsDefault", false);
        detail.put("requestParameters", request);
        event.setDetail(detail);

        assertThat(RoleChanged.from(event, CloudTrailCall.from(event)).changesEffectivePermissions()).isFalse();
    }

    @Test
    void from_whenFailedCallOrOtherCall_rejects() {
        ScheduledEvent failed = EventLoader.loadScheduledEvent(
                "events/invalid/iam-detach-role-policy-failed-call.json");
        ScheduledEvent createRole = EventLoader.loadScheduledEvent("events/cloudtrail/iam-create-role-github.json");

        assertThatThrownBy(() -> RoleChanged.from(failed, CloudTrailCall.from(failed)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("AccessDenied");
        assertThatThrownBy(() -> RoleChanged.from(createRole, CloudTrailCall.from(createRole)))
                .hasMessageContaining("not a role or policy change");
    }

    @Test
    void serviceChanged_readsServiceAndClusterOfBothCalls() {
        for (String file : new String[] {"ecs-create-service.json", "ecs-update-service.json"}) {
            ServiceChanged changed = ServiceChanged.from(CloudTrailCall.from(
                    EventLoader.loadScheduledEvent("events/cloudtrail/" + file)));

            assertThat(changed.service()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/ecs-dev/payments-api");
            assertThat(changed.cluster()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/ecs-dev");
        }
    }
}
