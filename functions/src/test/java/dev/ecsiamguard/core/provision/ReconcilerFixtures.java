package dev.ecsiamguard.core.provision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Desired and current service states shared by the reconciler tests, so each test states only its difference. */
final class ReconcilerFixtures {

    static final String ACCOUNT = "123456789012";
    static final String BOUNDARY = "arn:aws:iam::123456789012:policy/ecs-boundary";

    private ReconcilerFixtures() {
    }

    static DesiredService desired(Map<String, String> env) {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(env);
        return new ServiceBlueprint(config, AccountScope.of(ACCOUNT, "us-east-1"))
                .desired(ServiceIdentity.forRepository("payments/api", config), Set.of(TaskRoleCapability.EXEC));
    }

    static ServiceState absent(DesiredService want) {
        return new ServiceState(RoleState.absent(want.executionRole().name()), RoleState.absent(want.taskRole().name()),
                LogGroupState.absent(want.logGroup().name()), ClusterState.absent(want.cluster().name()));
    }

    static ServiceState current(DesiredService want) {
        DesiredLogGroup logs = want.logGroup();
        DesiredCluster cluster = want.cluster();
        return new ServiceState(role(want.executionRole()).build(), role(want.taskRole()).build(),
                new LogGroupState(logs.name(), true, "arn:log", Optional.of(logs.retentionDays()), logs.tags()),
                new ClusterState(cluster.name(), true, "arn:cluster", cluster.capacityProviders(),
                        cluster.defaultStrategy(), cluster.containerInsights(), cluster.tags()));
    }

    static ServiceState withExecutionRole(DesiredService want, RoleState role) {
        ServiceState s = current(want);
        return new ServiceState(role, s.taskRole(), s.logGroup(), s.cluster());
    }

    static ServiceState withTaskRole(DesiredService want, RoleState role) {
        ServiceState s = current(want);
        return new ServiceState(s.executionRole(), role, s.logGroup(), s.cluster());
    }

    static ServiceState withLogGroup(DesiredService want, LogGroupState logGroup) {
        ServiceState s = current(want);
        return new ServiceState(s.executionRole(), s.taskRole(), logGroup, s.cluster());
    }

    static ServiceState withCluster(DesiredService want, ClusterState cluster) {
        ServiceState s = current(want);
        return new ServiceState(s.executionRole(), s.taskRole(), s.logGroup(), cluster);
    }

    /** A role in IAM equal to the desired one; each setter makes it differ in one way. */
    static RoleBuilder role(DesiredRole want) {
        return new RoleBuilder(want);
    }

    static final class RoleBuilder {
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
