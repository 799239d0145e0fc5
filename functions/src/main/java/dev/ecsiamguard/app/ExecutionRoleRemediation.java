package dev.ecsiamguard.app;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.provision.ServiceIdentity;
import dev.ecsiamguard.core.remediate.ExecutionGrant;
import dev.ecsiamguard.core.remediate.ExecutionGrants;
import dev.ecsiamguard.core.remediate.InlinePolicies;
import dev.ecsiamguard.core.remediate.RemediationPlan;
import dev.ecsiamguard.core.remediate.RemediationPlanner;
import dev.ecsiamguard.core.remediate.RemediationScope;
import dev.ecsiamguard.core.remediate.SecretKeyPlanner;
import dev.ecsiamguard.core.remediate.SecretKeys;
import dev.ecsiamguard.core.remediate.SpecGrantRecord;
import dev.ecsiamguard.core.roles.ExecutionRoleGaps;
import dev.ecsiamguard.core.roles.RoleAnalysisContext;
import dev.ecsiamguard.core.roles.RoleSnapshot;
import dev.ecsiamguard.core.spec.ServiceSpecStore;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The `remediate` step, run after validation: when the revision's execution role is one this application
 * manages, grant what the revision needs and the planners allow (a secret's customer managed key included) by
 * recording it in the service's spec, from which the execution policy is written; say what was granted and what
 * was not, and why. A key it may not grant becomes a finding, one it cannot read a rule error.
 */
public final class ExecutionRoleRemediation {

    private final ProvisioningConfig config;
    private final List<String> environmentFileBuckets;
    private final ServiceSpecStore specs;
    private final InlinePolicies policies;
    private final SecretKeys keys;

    public ExecutionRoleRemediation(ProvisioningConfig config, List<String> environmentFileBuckets,
                                    ServiceSpecStore specs, InlinePolicies policies, SecretKeys keys) {
        this.config = config;
        this.environmentFileBuckets = List.copyOf(environmentFileBuckets);
        this.specs = specs;
        this.policies = policies;
        this.keys = keys;
    }

    public RemediationOutcome remediate(TaskDefinition td, RoleAnalysisContext ctx) {
        var found = ctx.executionRole();
        if (found.isEmpty()) {
            return RemediationOutcome.skipped("", "no readable execution role");
        }
        RoleSnapshot role = found.get().role();
        String service = role.tags().getOrDefault("Service", "");
        String notManaged = notManaged(role, service);
        if (notManaged != null) {
            return RemediationOutcome.skipped(role.name(), notManaged);
        }
        ServiceIdentity identity;
        try {
            identity = ServiceIdentity.forService(service, service, config);
        } catch (IllegalArgumentException e) {
            return RemediationOutcome.skipped(role.name(), "execution role " + role.name() + ": " + e.getMessage()
                    + ": nothing granted");
        }
        RemediationScope scope = new RemediationScope(ctx.partition(), ctx.account(), ctx.region(),
                config.secretsManagerPrefix().map(p -> config.expand(p, service)),
                config.ssmParameterPrefix().map(p -> config.expand(p, service)), identity.logGroupName(),
                environmentFileBuckets);
        // Every read happens before any write: a key that cannot be read leaves nothing half-granted.
        RemediationPlan plan = new RemediationPlanner(scope).plan(ExecutionRoleGaps.denied(td, ctx))
                .and(new SecretKeyPlanner(scope, keys).plan(ExecutionRoleGaps.secretReads(td, ctx), found.get()));
        List<String> unreadSecrets = plan.unreadable().stream().map(RemediationPlan.Unreadable::resource).toList();
        List<RemediationPlan.Granted> granted = plan.grants().stream()
                .filter(g -> !unreadSecrets.contains(g.grant().resource())).toList();
        List<Finding> findings = findings(td, role, plan);
        List<RuleError> errors = plan.unreadable().stream().map(u -> new RuleError(u.ruleId(), td.resourceArn(),
                u.message())).toList();
        if (granted.isEmpty()) {
            return new RemediationOutcome(role.name(), List.of(), plan.refused(), findings, errors, "");
        }
        AccountScope account = new AccountScope(ctx.partition(), ctx.account(), ctx.region());
        ServiceBlueprint blueprint = new ServiceBlueprint(config, account);
        SpecGrantRecord record = new SpecGrantRecord(specs, policies, spec -> blueprint.desired(identity, spec)
                .executionRole().inlinePolicies().get(ServiceBlueprint.EXECUTION_POLICY_NAME));
        List<ExecutionGrant> toRecord = new ArrayList<>(oldRemediationGrants(role));
        granted.forEach(g -> toRecord.add(g.grant()));
        if (record.add(role.name(), toRecord).isEmpty()) {
            return RemediationOutcome.skipped(role.name(), "service `" + service + "` has no spec yet (table of "
                    + "specs, id " + role.name() + "); provisioning creates it (the next repository event or POST "
                    + "/services/" + service + "/roles): nothing granted");
        }
        return new RemediationOutcome(role.name(), granted, plan.refused(), findings, errors, "");
    }

    // Upgrade: what an earlier version granted in its own policy moves into the spec with the new grants.
    private static List<ExecutionGrant> oldRemediationGrants(RoleSnapshot role) {
        return role.inlinePolicies().stream().filter(p -> p.name().equals(ExecutionGrants.POLICY_NAME))
                .findFirst().map(p -> ExecutionGrants.grants(p.document())).orElse(List.of()).stream()
                .filter(ExecutionGrants::recordable).toList();
    }

    // A refused key is no validation rule's finding: it becomes one here, its fix the exact statement.
    private static List<Finding> findings(TaskDefinition td, RoleSnapshot role, RemediationPlan plan) {
        List<Finding> findings = new ArrayList<>();
        for (RemediationPlan.Refused r : plan.refused()) {
            if (!r.fix().isEmpty()) {
                findings.add(Finding.of(RuleCatalog.byId(r.ruleId()).orElseThrow(), td.resourceArn(),
                        "Execution role " + role.name() + " of task definition " + td.displayName()
                                + " is not allowed kms:Decrypt on " + r.resource() + ": " + r.reason() + ".")
                        .withFix(r.fix()));
            }
        }
        return findings;
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
