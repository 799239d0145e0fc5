package dev.ecsiamguard.app;

import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.provision.ServiceIdentity;
import dev.ecsiamguard.core.remediate.ExecutionGrant;
import dev.ecsiamguard.core.remediate.ExecutionGrantRecord;
import dev.ecsiamguard.core.remediate.RemediationPlan;
import dev.ecsiamguard.core.remediate.RemediationPlanner;
import dev.ecsiamguard.core.remediate.RemediationScope;
import dev.ecsiamguard.core.roles.ExecutionRoleGaps;
import dev.ecsiamguard.core.roles.RoleAnalysisContext;
import dev.ecsiamguard.core.roles.RoleSnapshot;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The `remediate` step, run after validation: when the revision's execution role is one this application
 * manages, grant what the revision needs and the planner allows, through the grant record, and say what was
 * granted and what was not, and why.
 */
public final class ExecutionRoleRemediation {

    private final ProvisioningConfig config;
    private final List<String> environmentFileBuckets;
    private final ExecutionGrantRecord record;

    public ExecutionRoleRemediation(ProvisioningConfig config, List<String> environmentFileBuckets,
                                    ExecutionGrantRecord record) {
        this.config = config;
        this.environmentFileBuckets = List.copyOf(environmentFileBuckets);
        this.record = record;
    }

    /** What was granted (only what was new), refused, or why nothing was considered. */
    public record Outcome(String executionRole, List<RemediationPlan.Granted> granted,
                          List<RemediationPlan.Refused> refused, String skipped) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("executionRole", executionRole);
            map.put("granted", granted.stream().map(g -> Map.of("actions", g.grant().actions(),
                    "resource", g.grant().resource(), "ruleId", g.ruleId(), "why", g.why())).toList());
            map.put("refused", refused.stream().map(r -> Map.of("ruleId", r.ruleId(), "resource", r.resource(),
                    "reason", r.reason())).toList());
            if (!skipped.isEmpty()) {
                map.put("skipped", skipped);
            }
            return map;
        }
    }

    public Outcome remediate(TaskDefinition td, RoleAnalysisContext ctx) {
        var found = ctx.executionRole();
        if (found.isEmpty()) {
            return new Outcome("", List.of(), List.of(), "no readable execution role");
        }
        RoleSnapshot role = found.get().role();
        String service = role.tags().getOrDefault("Service", "");
        String notManaged = notManaged(role, service);
        if (notManaged != null) {
            return new Outcome(role.name(), List.of(), List.of(), notManaged);
        }
        ServiceIdentity identity;
        try {
            identity = ServiceIdentity.forService(service, service, config);
        } catch (IllegalArgumentException e) {
            return new Outcome(role.name(), List.of(), List.of(), "execution role " + role.name() + ": "
                    + e.getMessage() + ": nothing granted");
        }
        RemediationScope scope = new RemediationScope(ctx.partition(), ctx.account(), ctx.region(),
                config.secretsManagerPrefix().map(p -> config.expand(p, service)),
                config.ssmParameterPrefix().map(p -> config.expand(p, service)), identity.logGroupName(),
                environmentFileBuckets);
        RemediationPlan plan = new RemediationPlanner(scope).plan(ExecutionRoleGaps.denied(td, ctx));
        Set<ExecutionGrant> added = Set.copyOf(record.add(role.name(),
                plan.grants().stream().map(RemediationPlan.Granted::grant).toList()));
        List<RemediationPlan.Granted> granted = plan.grants().stream().filter(g -> added.contains(g.grant()))
                .toList();
        return new Outcome(role.name(), granted, plan.refused(), "");
    }

    // Managed means: tagged by this application, on its path, and named as it names that service's role.
    private String notManaged(RoleSnapshot role, String service) {
        boolean ours = ServiceBlueprint.MANAGED_BY.equals(role.tags().get("ManagedBy"))
                && config.rolePath().equals(role.path()) && !service.isEmpty()
                && role.name().equals(config.expand(config.executionRoleTemplate(), service));
        return ours ? null : "execution role " + role.name() + " is not one this application manages "
                + "(ManagedBy=" + ServiceBlueprint.MANAGED_BY + ", path " + config.rolePath() + ", name "
                + config.expand(config.executionRoleTemplate(), "{service}") + "): nothing granted";
    }
}
