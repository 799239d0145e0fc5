package dev.ecsiamguard.app;

import static dev.ecsiamguard.core.json.Json.object;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.ReportJson;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.provision.ClusterState;
import dev.ecsiamguard.core.provision.LogGroupState;
import dev.ecsiamguard.core.provision.RoleState;
import dev.ecsiamguard.core.provision.ServiceState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A read-only view of one service: its roles, log group and cluster as they are now, and their findings. */
public record ServiceReport(String service, String repository, boolean repositoryFound, ServiceState state,
                            Report report) {

    public Map<String, Object> toMap(Severity threshold) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("service", service);
        map.put("repository", object("name", repository, "exists", repositoryFound));
        map.put("roles", object("execution", role(state.executionRole()), "task", role(state.taskRole())));
        map.put("logGroup", logGroup(state.logGroup()));
        map.put("cluster", cluster(state.cluster()));
        map.put("report", ReportJson.withVerdict(report, threshold));
        return map;
    }

    private static Map<String, Object> role(RoleState role) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", role.name());
        map.put("exists", role.exists());
        if (role.exists()) {
            map.put("arn", role.arn());
            map.put("managedByEcsIamGuard", role.managedByUs());
            map.put("inlinePolicies", new TreeMap<>(role.inlinePolicies()).keySet().stream().toList());
            map.put("attachedPolicies", role.attachedPolicyArns());
            map.put("permissionsBoundary", role.boundaryArn().orElse(null));
        }
        return map;
    }

    private static Map<String, Object> logGroup(LogGroupState group) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", group.name());
        map.put("exists", group.exists());
        if (group.exists()) {
            map.put("arn", group.arn());
            map.put("retentionDays", group.retentionDays().orElse(null));
        }
        return map;
    }

    private static Map<String, Object> cluster(ClusterState cluster) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", cluster.name());
        map.put("exists", cluster.active());
        if (cluster.active()) {
            map.put("arn", cluster.arn());
            map.put("capacityProviders", cluster.capacityProviders());
            map.put("containerInsights", cluster.containerInsights());
        }
        return map;
    }
}
