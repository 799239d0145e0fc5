package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.EscalationAnalysis;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;

/**
 * Application code that can write IAM, pass a role to new compute, or assume any role can grant itself more than
 * the task role holds: every path of the engine's escalation catalogue is asked on resources nobody named. A role
 * that already holds every action is TASK-ADMIN's, not this rule's.
 */
final class TaskRoleNoPrivilegeEscalation implements RoleRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TASK-PRIVESC",
            Severity.HIGH,
            "Task role cannot escalate its own privileges",
            "Remove IAM write actions, broad iam:PassRole with compute-creating actions, and sts:AssumeRole on * "
                    + "from the task role.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        return ctx.taskRole().map(role -> {
            EscalationAnalysis.Verdict verdict = RoleEscalation.of(role, ctx);
            if (verdict.hasFullAccess() || verdict.paths().isEmpty()) {
                return List.<Finding>of();
            }
            return List.of(Finding.of(METADATA, role.role().arn(), "Task role " + role.role().name()
                    + " may escalate its privileges: " + RoleEscalation.paths(verdict.paths())
                    + "; so the application can grant itself more than the role holds."));
        }).orElse(List.of());
    }
}
