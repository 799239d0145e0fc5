package dev.ecsiamguard.core.provision;

import static dev.ecsiamguard.core.provision.ReconcilerFixtures.BOUNDARY;
import static dev.ecsiamguard.core.provision.ReconcilerFixtures.absent;
import static dev.ecsiamguard.core.provision.ReconcilerFixtures.current;
import static dev.ecsiamguard.core.provision.ReconcilerFixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole-service plans: what the reconciler does when nothing exists and when everything already matches. */
class ReconcilerTest {

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
}
