package dev.ecsiamguard.core.provision;

import static dev.ecsiamguard.core.provision.ReconcilerFixtures.BOUNDARY;
import static dev.ecsiamguard.core.provision.ReconcilerFixtures.desired;
import static dev.ecsiamguard.core.provision.ReconcilerFixtures.role;
import static dev.ecsiamguard.core.provision.ReconcilerFixtures.withExecutionRole;
import static dev.ecsiamguard.core.provision.ReconcilerFixtures.withTaskRole;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plans for the execution and task roles: trust, tags, boundary, policies, path and foreign roles. */
class RoleReconcilerTest {

    private final Reconciler reconciler = new Reconciler();

    @Test
    void plan_whenTrustDiffersOnlyInWhitespaceAndKeyOrder_changesNothing() {
        DesiredService want = desired(Map.of());
        String reordered = """
                {
                  "Statement": [ {
                    "Condition": {
                      "ArnLike": { "aws:SourceArn": "arn:aws:ecs:us-east-1:123456789012:*" },
                      "StringEquals": { "aws:SourceAccount": "123456789012" }
                    },
                    "Action": "sts:AssumeRole",
                    "Principal": { "Service": "ecs-tasks.amazonaws.com" },
                    "Effect": "Allow",
                    "Sid": "EcsTasksAssumeRole"
                  } ],
                  "Version": "2012-10-17"
                }
                """;
        ServiceState state = withExecutionRole(want, role(want.executionRole()).trust(reordered).build());

        assertThat(reconciler.plan(want, state).changes()).isEmpty();
    }

    @Test
    void plan_whenTrustReallyDiffers_updatesTrustPolicyOnly() {
        DesiredService want = desired(Map.of());
        DesiredRole exec = want.executionRole();
        String ec2Trust = exec.trustPolicy().replace("ecs-tasks.amazonaws.com", "ec2.amazonaws.com");
        ServiceState state = withExecutionRole(want, role(exec).trust(ec2Trust).build());

        assertThat(reconciler.plan(want, state).changes())
                .containsExactly(new Change.UpdateTrustPolicy(exec.name(), exec.trustPolicy()));
    }

    @Test
    void plan_whenRoleIsNotTaggedManagedBy_leavesItUnchangedWithOneNote() {
        DesiredService want = desired(Map.of());
        DesiredRole exec = want.executionRole();
        RoleState foreign = role(exec).tags(Map.of("owner", "someone"))
                .trust("{\"Version\":\"2012-10-17\",\"Statement\":[]}").inline(Map.of()).build();

        Plan plan = reconciler.plan(want, withExecutionRole(want, foreign));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).singleElement().satisfies(note -> {
            assertThat(note.resource()).isEqualTo(foreign.arn());
            assertThat(note.message()).contains(exec.name(), "ManagedBy=ecs-iam-guard");
        });
    }

    @Test
    void plan_whenRoleHasForeignInlinePolicyAndAttachment_notesBothAndRemovesNothing() {
        DesiredService want = desired(Map.of());
        DesiredRole task = want.taskRole();
        Map<String, String> inline = new HashMap<>(task.inlinePolicies());
        inline.put("hand-written", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        String foreignArn = "arn:aws:iam::aws:policy/AmazonS3FullAccess";
        RoleState have = role(task).inline(inline).attached(List.of(foreignArn)).build();

        Plan plan = reconciler.plan(want, withTaskRole(want, have));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).extracting(Note::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).contains("hand-written", "left in place"),
                m -> assertThat(m).contains(foreignArn, "left attached"));
        assertThat(plan.notes()).extracting(Note::resource).containsOnly(have.arn());
    }

    @Test
    void plan_whenTagsAreMissingOrDifferent_tagsOnlyThose() {
        DesiredService want = desired(Map.of());
        DesiredRole exec = want.executionRole();
        RoleState have = role(exec).tags(Map.of("ManagedBy", "ecs-iam-guard", "Service", "old-name",
                "team", "payments")).build();

        Plan plan = reconciler.plan(want, withExecutionRole(want, have));

        assertThat(plan.changes()).containsExactly(new Change.TagRole(exec.name(),
                Map.of("Service", "payments-api", "Environment", "dev")));
    }

    @Test
    void plan_whenBoundaryConfiguredButMissing_putsBoundary() {
        DesiredService want = desired(Map.of("PERMISSIONS_BOUNDARY_ARN", BOUNDARY));
        DesiredRole exec = want.executionRole();

        Plan plan = reconciler.plan(want, withExecutionRole(want, role(exec).boundary(Optional.empty()).build()));

        assertThat(plan.changes()).containsExactly(new Change.PutPermissionsBoundary(exec.name(), BOUNDARY));
    }

    @Test
    void plan_whenBoundaryConfiguredButDifferent_putsConfiguredBoundary() {
        DesiredService want = desired(Map.of("PERMISSIONS_BOUNDARY_ARN", BOUNDARY));
        DesiredRole task = want.taskRole();
        RoleState have = role(task).boundary(Optional.of("arn:aws:iam::123456789012:policy/other")).build();

        assertThat(reconciler.plan(want, withTaskRole(want, have)).changes())
                .containsExactly(new Change.PutPermissionsBoundary(task.name(), BOUNDARY));
    }

    @Test
    void plan_whenBoundaryNotConfiguredButPresent_leavesItUntouched() {
        DesiredService want = desired(Map.of());
        RoleState have = role(want.executionRole()).boundary(Optional.of(BOUNDARY)).build();

        Plan plan = reconciler.plan(want, withExecutionRole(want, have));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void plan_whenInlinePolicyMissingOrChangedOnOwnedRole_putsIt() {
        DesiredService want = desired(Map.of());
        DesiredRole exec = want.executionRole();
        String doc = exec.inlinePolicies().get(ServiceBlueprint.EXECUTION_POLICY_NAME);
        RoleState changed = role(exec).inline(Map.of(ServiceBlueprint.EXECUTION_POLICY_NAME,
                doc.replace("ecr:BatchGetImage", "ecr:*"))).build();

        assertThat(reconciler.plan(want, withExecutionRole(want, changed)).changes()).containsExactly(
                new Change.PutInlinePolicy(exec.name(), ServiceBlueprint.EXECUTION_POLICY_NAME, doc));
    }

    @Test
    void plan_whenManagedPolicyNotAttached_attachesIt() {
        DesiredService want = desired(Map.of("EXECUTION_POLICY_MODE", "managed"));
        DesiredRole exec = want.executionRole();

        Plan plan = reconciler.plan(want, withExecutionRole(want, role(exec).attached(List.of()).build()));

        assertThat(plan.changes()).containsExactly(
                new Change.AttachManagedPolicy(exec.name(), exec.managedPolicyArns().get(0)));
    }

    @Test
    void plan_whenPathDiffers_notesItWithoutChange() {
        DesiredService want = desired(Map.of());
        RoleState have = role(want.executionRole()).path("/legacy/").build();

        Plan plan = reconciler.plan(want, withExecutionRole(want, have));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).singleElement().extracting(Note::message).asString()
                .contains("/legacy/", "/ecs-iam-guard/");
    }
}
