package dev.ecsiamguard.core.provision;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleRunner;
import java.util.List;

/**
 * The provisioning-drift rules: a reconciliation plan turned into findings, so a read-only report shows what
 * provisioning would change (drift) and what it would leave alone, in the same shape as every other finding.
 */
public final class DriftFindings {

    /** What a drift rule judges: the plan provisioning would make now, and what it was made from. */
    public record Subject(Plan plan, DesiredService desired, ServiceState state, AccountScope scope) {
    }

    public static final List<Rule<Subject>> ALL = List.of(new ProvisionedResourcesMatch(), new NothingUnmanagedAdded());

    private DriftFindings() {
    }

    /** Both drift rules on the plan; {@code subject} names the report. */
    public static Report check(Plan plan, DesiredService desired, ServiceState state, AccountScope scope,
                               String subject) {
        return RuleRunner.run(ALL, new Subject(plan, desired, state, scope), subject);
    }

    // INVARIANT: `--release 17`, so no pattern matching in switch; every Change kind is named here.
    static String resourceArn(Change change, DesiredService desired, ServiceState state, AccountScope scope) {
        if (change instanceof Change.CreateLogGroup c) {
            return scope.arn("logs", "log-group:" + c.logGroup().name());
        } else if (change instanceof Change.PutRetention c) {
            return scope.arn("logs", "log-group:" + c.logGroupName());
        } else if (change instanceof Change.CreateCluster c) {
            return scope.arn("ecs", "cluster/" + c.cluster().name());
        } else if (change instanceof Change.PutCapacityProviders c) {
            return scope.arn("ecs", "cluster/" + c.clusterName());
        } else if (change instanceof Change.EnableContainerInsights c) {
            return scope.arn("ecs", "cluster/" + c.clusterName());
        } else if (change instanceof Change.CreateRole c) {
            return scope.roleArn(c.role().path(), c.role().name());
        }
        String roleName = change instanceof Change.UpdateTrustPolicy c ? c.roleName()
                : change instanceof Change.PutInlinePolicy c ? c.roleName()
                : change instanceof Change.AttachManagedPolicy c ? c.roleName()
                : change instanceof Change.PutPermissionsBoundary c ? c.roleName()
                : ((Change.TagRole) change).roleName();
        return roleArn(roleName, desired, state, scope);
    }

    private static String roleArn(String name, DesiredService desired, ServiceState state, AccountScope scope) {
        for (RoleState role : List.of(state.executionRole(), state.taskRole())) {
            if (role.exists() && role.name().equals(name)) {
                return role.arn();
            }
        }
        return scope.roleArn(desired.executionRole().path(), name);
    }
}
