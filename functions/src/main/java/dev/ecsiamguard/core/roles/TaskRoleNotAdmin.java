package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.PolicyQuestions;
import dev.ecsiamguard.core.policy.StatementRef;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;

/** Application code runs with the task role: with every action on every resource, one flaw owns the account. */
final class TaskRoleNotAdmin implements RoleRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TASK-ADMIN",
            Severity.CRITICAL,
            "Task role does not grant administrator access",
            "Detach AdministratorAccess and remove Allow * on * from the task role; grant only the actions the "
                    + "application calls, on its resources.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        return ctx.taskRole().map(role -> {
            List<StatementRef> admin = new PolicyQuestions(role.evaluator()).adminStatements();
            if (admin.isEmpty()) {
                return List.<Finding>of();
            }
            return List.of(Finding.of(METADATA, role.role().arn(), "Task role " + role.role().name() + " of task "
                    + "definition " + td.displayName() + " allows every action on every resource ("
                    + String.join(", ", admin.stream().map(StatementRef::describe).toList()) + ")."));
        }).orElse(List.of());
    }
}
