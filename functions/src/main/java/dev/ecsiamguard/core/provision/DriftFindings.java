package dev.ecsiamguard.core.provision;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a reconciliation plan into findings, so a read-only report shows what provisioning would change (drift)
 * and what it would leave alone, in the same shape as every other finding.
 */
public final class DriftFindings {

    public static final RuleMetadata DRIFT = new RuleMetadata("PROV-DRIFT-001", Severity.MEDIUM,
            "Service resources match what ecs-iam-guard provisions",
            "Provision the service again (POST /services/{service}/roles) to apply the change.");
    public static final RuleMetadata UNMANAGED = new RuleMetadata("PROV-UNMANAGED-001", Severity.LOW,
            "Service resources carry nothing ecs-iam-guard did not write",
            "Review the reported item; ecs-iam-guard reports it but never changes it.");

    private DriftFindings() {
    }

    public static List<Finding> of(Plan plan, DesiredService desired, ServiceState state, AccountScope scope) {
        List<Finding> findings = new ArrayList<>();
        for (Change change : plan.changes()) {
            findings.add(Finding.of(DRIFT, resourceArn(change, desired, state, scope),
                    "Provisioning would " + change.summary() + "."));
        }
        for (Note note : plan.notes()) {
            findings.add(Finding.of(UNMANAGED, note.resource(), note.message()));
        }
        return findings;
    }

    // INVARIANT: `--release 17`, so no pattern matching in switch; every Change kind is named here.
    private static String resourceArn(Change change, DesiredService desired, ServiceState state, AccountScope scope) {
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
