package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.EscalationAnalysis;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;

/**
 * Application code runs with the task role: with every action on every resource, or IAM rights that grant it
 * (a policy on itself, a new role or user with AdministratorAccess), one flaw owns the account.
 */
final class TaskRoleNotAdmin implements RoleRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TASK-ADMIN",
            Severity.CRITICAL,
            "Task role does not grant administrator access",
            "Detach AdministratorAccess, remove Allow * on * and the IAM writes on the role itself from the task "
                    + "role; grant only the actions the application calls, on its resources.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        return ctx.taskRole().map(role -> {
            EscalationAnalysis.Verdict verdict = RoleEscalation.of(role, ctx);
            if (!verdict.isAdminEquivalent()) {
                return List.<Finding>of();
            }
            return List.of(Finding.of(METADATA, role.role().arn(), "Task role " + role.role().name()
                    + BarePolicyRoles.ofTaskDefinition(td) + " " + RoleEscalation.adminReason(verdict) + "."));
        }).orElse(List.of());
    }
}
