package dev.ecsiamguard.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriftFindingsTest {

    private final ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of());
    private final AccountScope scope = AccountScope.of("123456789012", "us-east-1");
    private final DesiredService desired = new ServiceBlueprint(config, scope)
            .desired(ServiceIdentity.forService("orders", "orders", config), Set.of());

    @Test
    void of_whenNothingExists_reportsEveryCreationAgainstItsArn() {
        ServiceState nothing = new ServiceState(RoleState.absent("ecs-orders-execution-role"),
                RoleState.absent("ecs-orders-task-role"), LogGroupState.absent("/ecs/dev/orders"),
                ClusterState.absent("ecs-dev"));

        List<Finding> findings = DriftFindings.check(new Reconciler().plan(desired, nothing), desired, nothing, scope,
                "orders").findings();

        assertThat(findings).allMatch(f -> f.rule().id().equals("PROV-DRIFT-001"));
        assertThat(findings).extracting(Finding::resourceArn).contains(
                "arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-orders-execution-role",
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/orders",
                "arn:aws:ecs:us-east-1:123456789012:cluster/ecs-dev");
        assertThat(findings).extracting(Finding::message)
                .contains("Provisioning would create role ecs-orders-task-role.");
    }

    @Test
    void of_whenRoleIsNotOurs_reportsANoteNotADrift() {
        RoleState foreign = new RoleState("ecs-orders-task-role", true,
                "arn:aws:iam::123456789012:role/ecs-orders-task-role", "/", "{}", Map.of(), List.of(),
                Optional.empty(), Map.of());
        ServiceState state = new ServiceState(RoleState.absent("ecs-orders-execution-role"), foreign,
                LogGroupState.absent("/ecs/dev/orders"), ClusterState.absent("ecs-dev"));

        List<Finding> findings = DriftFindings.check(new Reconciler().plan(desired, state), desired, state, scope,
                "orders").findings();

        assertThat(findings).filteredOn(f -> f.rule().id().equals("PROV-UNMANAGED-001"))
                .extracting(Finding::resourceArn).containsExactly(foreign.arn());
    }
}
