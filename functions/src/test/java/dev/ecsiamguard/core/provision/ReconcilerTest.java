package dev.ecsiamguard.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final String ACCOUNT = "123456789012";
    private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/ecs-boundary";

    private final Reconciler reconciler = new Reconciler();

    @Test
    void plan_whenNothingExists_createsEverythingInOrder() {
        DesiredService want = desired(Map.of("EXECUTION_POLICY_MODE", "managed",
                "SECRETS_MANAGER_PREFIX", "{service}/"));

        Plan plan = reconciler.plan(want, absent(want));

        DesiredRole exec = want.executionRole();
        DesiredRole task = want.taskRole();
        assertThat(plan.changes()).containsExactly(
                new Change.CreateRole(exec),
                new Change.PutInlinePolicy(exec.name(), ServiceBlueprint.EXECUTION_POLICY_NAME,
                        exec.inlinePolicies().get(ServiceBlueprint.EXECUTION_POLICY_NAME)),
                new Change.AttachManagedPolicy(exec.name(), exec.managedPolicyArns().get(0)),
                new Change.CreateRole(task),
                new Change.PutInlinePolicy(task.name(), ServiceBlueprint.TASK_POLICY_NAME,
                        task.inlinePolicies().get(ServiceBlueprint.TASK_POLICY_NAME)),
                new Change.CreateLogGroup(want.logGroup()),
                new Change.PutRetention(want.logGroup().name(), 30),
                new Change.CreateCluster(want.cluster()));
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void plan_whenEverythingIsAsDesired_isEmpty() {
        DesiredService want = desired(Map.of("PERMISSIONS_BOUNDARY_ARN", BOUNDARY,
                "EXECUTION_POLICY_MODE", "managed", "SSM_PARAMETER_PREFIX", "/{environment}/{service}/"));

        Plan plan = reconciler.plan(want, current(want));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.notes()).isEmpty();
    }

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

    @Test
    void plan_whenForeignLogGroupHasOtherRetention_notesIt() {
        DesiredService want = desired(Map.of());
        LogGroupState foreign = new LogGroupState(want.logGroup().name(), true, "arn:log", Optional.of(7), Map.of());

        Plan plan = reconciler.plan(want, withLogGroup(want, foreign));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).singleElement().satisfies(note -> {
            assertThat(note.resource()).isEqualTo("arn:log");
            assertThat(note.message()).contains("7 days", "30 days");
        });
    }

    @Test
    void plan_whenOwnedLogGroupHasOtherOrNoRetention_putsRetention() {
        DesiredService want = desired(Map.of("LOG_RETENTION_DAYS", "90"));
        String name = want.logGroup().name();
        Map<String, String> owned = want.logGroup().tags();

        Plan other = reconciler.plan(want, withLogGroup(want,
                new LogGroupState(name, true, "arn:log", Optional.of(7), owned)));
        Plan never = reconciler.plan(want, withLogGroup(want,
                new LogGroupState(name, true, "arn:log", Optional.empty(), owned)));

        assertThat(other.changes()).containsExactly(new Change.PutRetention(name, 90));
        assertThat(never.changes()).containsExactly(new Change.PutRetention(name, 90));
    }

    @Test
    void plan_whenActiveClusterLacksFargateSpot_putsUnionAndKeepsExistingStrategy() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        List<DesiredCluster.StrategyItem> strategy = List.of(new DesiredCluster.StrategyItem("team-asg", 2, 3));
        ClusterState have = new ClusterState(cluster.name(), true, "arn:cluster", List.of("team-asg", "FARGATE"),
                strategy, true, cluster.tags());

        Plan plan = reconciler.plan(want, withCluster(want, have));

        assertThat(plan.changes()).containsExactly(new Change.PutCapacityProviders(cluster.name(),
                List.of("team-asg", "FARGATE", "FARGATE_SPOT"), strategy));
    }

    @Test
    void plan_whenActiveClusterHasNoProvidersOrStrategy_putsDesiredProvidersAndStrategy() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        ClusterState have = new ClusterState(cluster.name(), true, "arn:cluster", List.of(), List.of(), true,
                cluster.tags());

        assertThat(reconciler.plan(want, withCluster(want, have)).changes()).containsExactly(
                new Change.PutCapacityProviders(cluster.name(), cluster.capacityProviders(),
                        cluster.defaultStrategy()));
    }

    @Test
    void plan_whenForeignClusterLacksFargateSpot_notesWithoutChange() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        ClusterState have = new ClusterState(cluster.name(), true, "arn:cluster", List.of("FARGATE"), List.of(),
                true, Map.of("owner", "platform"));

        Plan plan = reconciler.plan(want, withCluster(want, have));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).singleElement().satisfies(n -> assertThat(n.message()).contains("FARGATE_SPOT"));
    }

    @Test
    void plan_whenForeignClusterHasInsightsOff_notesWithoutChange() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        ClusterState have = new ClusterState(cluster.name(), true, "arn:cluster", cluster.capacityProviders(),
                cluster.defaultStrategy(), false, Map.of("owner", "platform"));

        Plan plan = reconciler.plan(want, withCluster(want, have));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).singleElement().satisfies(note -> {
            assertThat(note.resource()).isEqualTo("arn:cluster");
            assertThat(note.message()).contains("Container Insights", cluster.name());
        });
    }

    @Test
    void plan_whenOwnedClusterHasInsightsOff_enablesThem() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        ClusterState have = new ClusterState(cluster.name(), true, "arn:cluster", cluster.capacityProviders(),
                cluster.defaultStrategy(), false, cluster.tags());

        Plan plan = reconciler.plan(want, withCluster(want, have));

        assertThat(plan.changes()).containsExactly(new Change.EnableContainerInsights(cluster.name()));
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void plan_whenClusterIsInactive_createsIt() {
        DesiredService want = desired(Map.of());
        DesiredCluster cluster = want.cluster();
        ClusterState inactive = new ClusterState(cluster.name(), false, "arn:cluster", List.of(), List.of(), false,
                cluster.tags());

        assertThat(reconciler.plan(want, withCluster(want, inactive)).changes())
                .containsExactly(new Change.CreateCluster(cluster));
    }

    private static DesiredService desired(Map<String, String> env) {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(env);
        return new ServiceBlueprint(config, AccountScope.of(ACCOUNT, "us-east-1"))
                .desired(ServiceIdentity.forRepository("payments/api", config), Set.of(TaskRoleCapability.EXEC));
    }

    private static ServiceState absent(DesiredService want) {
        return new ServiceState(RoleState.absent(want.executionRole().name()), RoleState.absent(want.taskRole().name()),
                LogGroupState.absent(want.logGroup().name()), ClusterState.absent(want.cluster().name()));
    }

    private static ServiceState current(DesiredService want) {
        DesiredLogGroup logs = want.logGroup();
        DesiredCluster cluster = want.cluster();
        return new ServiceState(role(want.executionRole()).build(), role(want.taskRole()).build(),
                new LogGroupState(logs.name(), true, "arn:log", Optional.of(logs.retentionDays()), logs.tags()),
                new ClusterState(cluster.name(), true, "arn:cluster", cluster.capacityProviders(),
                        cluster.defaultStrategy(), cluster.containerInsights(), cluster.tags()));
    }

    private static ServiceState withExecutionRole(DesiredService want, RoleState role) {
        ServiceState s = current(want);
        return new ServiceState(role, s.taskRole(), s.logGroup(), s.cluster());
    }

    private static ServiceState withTaskRole(DesiredService want, RoleState role) {
        ServiceState s = current(want);
        return new ServiceState(s.executionRole(), role, s.logGroup(), s.cluster());
    }

    private static ServiceState withLogGroup(DesiredService want, LogGroupState logGroup) {
        ServiceState s = current(want);
        return new ServiceState(s.executionRole(), s.taskRole(), logGroup, s.cluster());
    }

    private static ServiceState withCluster(DesiredService want, ClusterState cluster) {
        ServiceState s = current(want);
        return new ServiceState(s.executionRole(), s.taskRole(), s.logGroup(), cluster);
    }

    /** A role in IAM equal to the desired one; each setter makes it differ in one way. */
    private static RoleBuilder role(DesiredRole want) {
        return new RoleBuilder(want);
    }

    private static final class RoleBuilder {
        private final DesiredRole want;
        private String path;
        private String trust;
        private Map<String, String> inline;
        private List<String> attached;
        private Optional<String> boundary;
        private Map<String, String> tags;

        RoleBuilder(DesiredRole want) {
            this.want = want;
            this.path = want.path();
            this.trust = want.trustPolicy();
            this.inline = want.inlinePolicies();
            this.attached = want.managedPolicyArns();
            this.boundary = want.boundaryArn();
            this.tags = want.tags();
        }

        RoleBuilder path(String value) {
            path = value;
            return this;
        }

        RoleBuilder trust(String value) {
            trust = value;
            return this;
        }

        RoleBuilder inline(Map<String, String> value) {
            inline = value;
            return this;
        }

        RoleBuilder attached(List<String> value) {
            attached = value;
            return this;
        }

        RoleBuilder boundary(Optional<String> value) {
            boundary = value;
            return this;
        }

        RoleBuilder tags(Map<String, String> value) {
            tags = value;
            return this;
        }

        RoleState build() {
            return new RoleState(want.name(), true, "arn:aws:iam::" + ACCOUNT + ":role" + path + want.name(), path,
                    trust, inline, attached, boundary, tags);
        }
    }
}
