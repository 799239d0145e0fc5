package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.EscalationAnalysis;
import dev.ecsiamguard.core.policy.EvaluatedGrants;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The execution role only serves the ECS agent: pulling images, writing logs, reading the referenced secrets.
 * Reading every secret, parameter or key in the account, whole services, or admin rights only widen what a
 * leaked agent credential can reach; probes on resources no task references show such grants by evaluation.
 */
final class ExecutionRoleNotOverbroad implements RoleRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "EXEC-OVERBROAD",
            Severity.MEDIUM,
            "Execution role grants no more than the agent needs",
            "Scope the execution role's secret, parameter and key permissions to the ARNs the task definitions "
                    + "reference, and remove other services.");

    /** What the agent uses; whole-service wildcards on these are expected (the managed policy is similar). */
    private static final Set<String> AGENT_SERVICES = Set.of("ecr", "logs");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        var found = ctx.executionRole();
        if (found.isEmpty()) {
            return List.of();
        }
        var role = found.get();
        String arn = role.role().arn();
        String name = role.role().name();
        EscalationAnalysis.Verdict verdict = RoleEscalation.of(role, ctx);
        if (verdict.isAdminEquivalent()) {
            return List.of(Finding.of(METADATA, arn, "Execution role " + name + " "
                    + RoleEscalation.adminReason(verdict) + ".")
                    .withSeverity(Severity.HIGH)
                    .withFix("Replace the administrator grant with AmazonECSTaskExecutionRolePolicy or a policy scoped "
                            + "to the task's repositories, log groups and secrets."));
        }
        List<Finding> findings = new ArrayList<>();
        if (!verdict.paths().isEmpty()) {
            findings.add(Finding.of(METADATA, arn, "Execution role " + name + " may escalate its privileges: "
                            + RoleEscalation.paths(verdict.paths()) + "; the ECS agent needs none of that.")
                    .withSeverity(Severity.HIGH)
                    .withFix("Remove the IAM writes, iam:PassRole and the other actions these paths use from the "
                            + "execution role."));
        }
        List<String> broad = new ArrayList<>();
        probe(role, ctx, "secretsmanager:GetSecretValue", ctx.arn("secretsmanager",
                "secret:ecs-iam-guard-unreferenced-probe-Zz9Yy8"), broad);
        probe(role, ctx, "ssm:GetParameters", ctx.arn("ssm", "parameter/ecs-iam-guard/unreferenced/probe"), broad);
        probe(role, ctx, "kms:Decrypt", ctx.arn("kms", "key/00000000-0000-4000-8000-000000000000"), broad);
        if (!broad.isEmpty()) {
            findings.add(Finding.of(METADATA, arn, "Execution role " + name + " may " + String.join(", ", broad)
                            + " on resources no task definition references, not only on the ones it injects.")
                    .withFix("Replace the wide \"Resource\" of " + String.join(", ", broad) + " with the ARNs the "
                            + "task definitions reference (" + ctx.arn("secretsmanager", "secret:<name>-??????")
                            + ", " + ctx.arn("ssm", "parameter/<name>") + ", " + ctx.arn("kms", "key/<key-id>")
                            + ")."));
        }
        SortedSet<String> services = new TreeSet<>(new EvaluatedGrants(role.evaluator()).serviceWideGrants());
        services.removeAll(AGENT_SERVICES);
        if (!services.isEmpty()) {
            findings.add(Finding.of(METADATA, arn, "Execution role " + name + " grants whole services " + services
                    + ", which the ECS agent never needs.")
                    .withFix("Remove the " + services + " wildcards from the execution role; put what the "
                            + "application needs on the task role, scoped to its resources."));
        }
        return findings;
    }

    private static void probe(RoleAnalysisContext.Analyzed role, RoleAnalysisContext ctx, String action,
                              String unreferenced, List<String> broad) {
        if (Permissions.allowed(role, action, unreferenced, ctx)) {
            broad.add(action);
        }
    }
}
