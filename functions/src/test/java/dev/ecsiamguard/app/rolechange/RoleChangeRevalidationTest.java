package dev.ecsiamguard.app.rolechange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.event.RoleChanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Which revisions a role change re-judges, and what it publishes, on in-memory ports. */
class RoleChangeRevalidationTest {

    static final String TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/";
    static final String SERVICE = "arn:aws:ecs:us-east-1:123456789012:service/ecs-dev/api";
    static final String TASK_ROLE = "arn:aws:iam::123456789012:role/ecs-iam-guard/api-task";

    private final FakePorts ports = new FakePorts();
    private final RoleChangeRevalidation revalidation = new RoleChangeRevalidation(ports, ports, ports, ports, ports,
            ports);
    private final RoleUsageIndexing indexing = new RoleUsageIndexing(ports, ports);

    @BeforeEach
    void apiFamily() {
        ports.revision(TD + "api:1", "api", "ACTIVE", TASK_ROLE, "api-exec");
        ports.revision(TD + "api:2", "api", "ACTIVE", TASK_ROLE, "api-exec");
        ports.latestOfFamily.put("api", TD + "api:2");
        ports.findings.put(TD + "api:1", List.of("TASK-ADMIN"));
    }

    static RoleChanged change(String role) {
        return new RoleChanged("ev-1", "AttachRolePolicy", "123456789012", Optional.of(role), Optional.empty(), true,
                "arn:aws:sts::123456789012:assumed-role/Admin/alice", "2026-11-25T11:01:00Z");
    }

    @Test
    void revalidate_judgesTheServicesCurrentRevisionAndTheFamilysLatest_eachOnce() {
        ports.services.put(SERVICE, TD + "api:1");
        ports.record("api-task", RoleUser.family("api", TD + "api:1"));
        ports.record("api-task", RoleUser.service(SERVICE, "ecs-dev", TD + "api:1"));

        Map<String, Object> result = revalidation.revalidate(change("api-task"));

        assertThat(result).containsEntry("status", "ok").containsEntry("passed", false);
        assertThat(ports.judged).containsExactlyInAnyOrder(TD + "api:1", TD + "api:2");
        assertThat(ports.published).hasSize(2);
        JsonNode current = published(TD + "api:1");
        assertThat(current.field("services").orElseThrow().asArray()).extracting(JsonNode::asString)
                .containsExactly(SERVICE);
        assertThat(current.field("latestActiveOfFamily").orElseThrow().asBoolean()).isFalse();
        assertThat(published(TD + "api:2").field("latestActiveOfFamily").orElseThrow().asBoolean()).isTrue();
        assertThat(current.field("trigger").orElseThrow().field("by").orElseThrow().asString()).contains("alice");
        assertThat(ports.handled).containsExactly("ev-1");
    }

    @Test
    void revalidate_whenServiceRunsTheFamilysLatest_judgesItOnceWithBothReasons() {
        ports.services.put(SERVICE, TD + "api:2");
        ports.record("api-task", RoleUser.family("api", TD + "api:1"));
        ports.record("api-task", RoleUser.service(SERVICE, "ecs-dev", TD + "api:2"));

        revalidation.revalidate(change("api-task"));

        assertThat(ports.judged).containsExactly(TD + "api:2");
        JsonNode detail = published(TD + "api:2");
        assertThat(detail.field("latestActiveOfFamily").orElseThrow().asBoolean()).isTrue();
        assertThat(detail.field("services").orElseThrow().asArray()).hasSize(1);
    }

    @Test
    void revalidate_whenIndexEntriesAreStale_judgesOnlyWhatStillUsesTheRole() {
        ports.revision(TD + "api:3", "api", "ACTIVE", "other-task", "api-exec");
        ports.latestOfFamily.put("api", TD + "api:3");
        ports.services.put(SERVICE, TD + "api:3");
        ports.record("api-task", RoleUser.family("api", TD + "api:1"));
        ports.record("api-task", RoleUser.service(SERVICE, "ecs-dev", TD + "api:1"));
        ports.record("api-task", RoleUser.service(SERVICE + "-deleted", "ecs-dev", TD + "api:1"));

        Map<String, Object> result = revalidation.revalidate(change("api-task"));

        assertThat(ports.judged).isEmpty();
        assertThat(ports.published).isEmpty();
        assertThat(result).containsEntry("status", "ok").containsEntry("revisions", List.of());
    }

    @Test
    void revalidate_whenRoleIsInNoIndexEntry_makesNoEcsCallAndMarksNothing() {
        Map<String, Object> result = revalidation.revalidate(change("someone-else"));

        assertThat(result).containsEntry("status", "unrelated");
        assertThat(ports.ecsCalls).isEmpty();
        assertThat(ports.handled).isEmpty();
    }

    @Test
    void revalidate_whenReplayed_publishesNothing() {
        ports.record("api-task", RoleUser.family("api", TD + "api:1"));
        revalidation.revalidate(change("api-task"));
        ports.published.clear();
        ports.ecsCalls.clear();

        Map<String, Object> replay = revalidation.revalidate(change("api-task"));

        assertThat(replay).containsEntry("status", "replay");
        assertThat(ports.published).isEmpty();
        assertThat(ports.ecsCalls).isEmpty();
    }

    @Test
    void revalidate_whenJudgingFails_throwsAndLeavesTheEventUnhandledForTheRetry() {
        ports.record("api-task", RoleUser.family("api", TD + "api:1"));
        ports.judgeFailure = new IllegalStateException("IAM throttled");

        assertThatThrownBy(() -> revalidation.revalidate(change("api-task"))).hasMessage("IAM throttled");
        assertThat(ports.handled).isEmpty();
        assertThat(ports.published).isEmpty();
    }

    @Test
    void revalidate_whenPolicyVersionIsNotTheDefault_ignoresIt() {
        RoleChanged notDefault = new RoleChanged("ev-2", "CreatePolicyVersion", "123456789012", Optional.empty(),
                Optional.of("arn:aws:iam::123456789012:policy/p"), false, "who", "when");

        assertThat(revalidation.revalidate(notDefault)).containsEntry("status", "ignored");
        assertThat(ports.ecsCalls).isEmpty();
    }

    @Test
    void revalidate_whenPolicyChanges_judgesTheRevisionsOfEveryRoleItIsAttachedTo() {
        ports.attachments.put("arn:aws:iam::123456789012:policy/p", List.of("api-exec", "unused-role"));
        ports.record("api-exec", RoleUser.family("api", TD + "api:1"));
        RoleChanged policy = new RoleChanged("ev-3", "SetDefaultPolicyVersion", "123456789012", Optional.empty(),
                Optional.of("arn:aws:iam::123456789012:policy/p"), true, "who", "when");

        Map<String, Object> result = revalidation.revalidate(policy);

        assertThat(result).containsEntry("roles", List.of("api-exec"));
        assertThat(ports.judged).containsExactly(TD + "api:2");
        assertThat(published(TD + "api:2").field("usedAs").orElseThrow().asArray()).extracting(JsonNode::asString)
                .containsExactly("execution");
    }

    @Test
    void revalidate_marksEveryChangedRole_usedHereOrNot_andAReplayMovesNoMarker() {
        ports.attachments.put("arn:aws:iam::123456789012:policy/shared", List.of("api-task", "batch-task"));
        ports.record("api-task", RoleUser.family("api", TD + "api:1"));
        RoleChanged policyChange = new RoleChanged("ev-2", "SetDefaultPolicyVersion", "123456789012",
                Optional.empty(), Optional.of("arn:aws:iam::123456789012:policy/shared"), true, "alice",
                "2026-11-25T11:05:00Z");

        Map<String, Object> first = revalidation.revalidate(policyChange);
        Map<String, Object> replay = revalidation.revalidate(policyChange);

        assertThat(ports.markers).containsOnly(Map.entry("api-task", "2026-11-25T11:05:00Z"),
                Map.entry("batch-task", "2026-11-25T11:05:00Z"));
        assertThat(first).containsEntry("markers", List.of("api-task", "batch-task"));
        assertThat(replay).containsEntry("status", "replay").doesNotContainKey("markers");
    }

    @Test
    void revalidate_whenTheNewVersionIsNotTheDefault_marksNothing() {
        revalidation.revalidate(new RoleChanged("ev-3", "CreatePolicyVersion", "123456789012", Optional.empty(),
                Optional.of("arn:aws:iam::123456789012:policy/shared"), false, "alice", "2026-11-25T11:05:00Z"));

        assertThat(ports.markers).isEmpty();
    }

    @Test
    void indexing_whenValidatedTwice_recordsTheFamilyForBothRolesOnce() {
        Map<String, Object> first = indexing.validated(TD + "api:1");
        Map<String, Object> again = indexing.validated(TD + "api:1");

        assertThat((List<?>) first.get("changes")).hasSize(2);
        assertThat(again).containsEntry("changes", List.of());
        assertThat(ports.users("API-TASK")).containsExactly(RoleUser.family("api", TD + "api:1"));
        assertThat(ports.users("api-exec")).hasSize(1);
    }

    @Test
    void indexing_whenServiceIsNotActive_recordsNothing() {
        Map<String, Object> result = indexing.serviceChanged(new dev.ecsiamguard.event.ServiceChanged("ecs-dev",
                SERVICE, "ev"));

        assertThat(result).containsEntry("status", "gone");
        assertThat(ports.index).isEmpty();
    }

    private JsonNode published(String arn) {
        return ports.published.stream().map(Json::parse)
                .filter(d -> d.field("taskDefinitionArn").orElseThrow().asString().equals(arn))
                .findFirst().orElseThrow(() -> new AssertionError("nothing published for " + arn));
    }
}
