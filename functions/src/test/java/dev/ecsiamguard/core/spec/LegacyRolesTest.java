package dev.ecsiamguard.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.DesiredRole;
import dev.ecsiamguard.core.provision.DesiredService;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.Reconciler;
import dev.ecsiamguard.core.provision.RoleState;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.provision.ServiceIdentity;
import dev.ecsiamguard.core.provision.ServiceState;
import dev.ecsiamguard.core.provision.TaskRoleCapability;
import dev.ecsiamguard.core.provision.LogGroupState;
import dev.ecsiamguard.core.provision.ClusterState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Adopting roles of the single-region layout into a first spec. */
class LegacyRolesTest {

    private final ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of("SECRETS_MANAGER_PREFIX",
            "{environment}/{service}/"));
    private final ServiceIdentity id = ServiceIdentity.forRepository("orders", config);
    private final ServiceBlueprint usEast = new ServiceBlueprint(config, AccountScope.of("123456789012",
            "us-east-1"));
    private final DesiredService earlier = usEast.desired(id, EnumSet.of(TaskRoleCapability.XRAY));

    @Test
    void adopt_takesRegionRepositoryPrefixesAndCapabilitiesFromTheToolsOwnStatements() {
        ServiceSpec spec = LegacyRoles.adopt(ServiceSpec.empty(id.executionRoleName(), "orders", "dev"),
                existing(earlier.executionRole()), existing(earlier.taskRole()));

        assertThat(spec.regions()).containsExactlyEntriesOf(Map.of("us-east-1", "orders"));
        assertThat(spec.capabilities()).containsExactly("xray");
        assertThat(spec.secretsManagerPrefixes()).containsExactly("dev/orders/");
        DesiredService now = usEast.desired(id, spec);
        ServiceState state = new ServiceState(existing(earlier.executionRole()), existing(earlier.taskRole()),
                new LogGroupState(id.logGroupName(), true, "arn", Optional.of(30), earlier.logGroup().tags()),
                new ClusterState("ecs-dev", true, "arn", List.of("FARGATE", "FARGATE_SPOT"),
                        earlier.cluster().defaultStrategy(), true, earlier.cluster().tags()));
        assertThat(new Reconciler().plan(now, state).changes()).as("same layout, nothing to write").isEmpty();
    }

    @Test
    void adopt_whenTheToolsOwnPolicyCannotBeRead_refusesRatherThanAdoptNothing() {
        Map<String, String> unreadable = new java.util.HashMap<>(earlier.executionRole().inlinePolicies());
        unreadable.replaceAll((name, document) -> "{not json");
        RoleState role = existing(earlier.executionRole());
        RoleState broken = new RoleState(role.name(), true, role.arn(), role.path(), role.trustPolicy(), unreadable,
                role.attachedPolicyArns(), role.boundaryArn(), role.tags());

        assertThatThrownBy(() -> LegacyRoles.adopt(ServiceSpec.empty(id.executionRoleName(), "orders", "dev"),
                broken, existing(earlier.taskRole()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void adopt_keepsTheEnvironmentThatWroteTheRoles() {
        ServiceSpec spec = LegacyRoles.adopt(ServiceSpec.empty(id.executionRoleName(), "orders", "prod"),
                existing(earlier.executionRole()), existing(earlier.taskRole()));

        assertThat(spec.environment()).isEqualTo("dev");
    }

    @Test
    void adopt_ignoresRolesNotManagedByTheTool() {
        RoleState foreign = new RoleState(id.executionRoleName(), true, "arn", "/", earlier.executionRole()
                .trustPolicy(), earlier.executionRole().inlinePolicies(), List.of(), Optional.empty(), Map.of());

        ServiceSpec spec = LegacyRoles.adopt(ServiceSpec.empty(id.executionRoleName(), "orders", "prod"), foreign,
                RoleState.absent(id.taskRoleName()));

        assertThat(spec.regions()).isEmpty();
        assertThat(spec.environment()).isEqualTo("prod");
    }

    private static RoleState existing(DesiredRole role) {
        return new RoleState(role.name(), true, "arn:aws:iam::123456789012:role" + role.path() + role.name(),
                role.path(), role.trustPolicy(), role.inlinePolicies(), role.managedPolicyArns(), role.boundaryArn(),
                role.tags());
    }
}
