package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/**
 * The execution role serves the ECS agent (image pulls, logs, secrets) and the task role serves application
 * code; one role for both hands the application every secret and pull permission the agent needs.
 */
final class ExecutionAndTaskRolesDistinct implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-SAME-EXEC-TASK-ROLE",
            Severity.MEDIUM,
            "Task definition uses different roles for execution and for the task",
            "Create a separate task role with only the permissions the application calls, and set it as taskRoleArn.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        if (!td.hasExecutionRole() || !td.hasTaskRole()
                || !Arns.roleName(td.executionRoleArn()).equalsIgnoreCase(Arns.roleName(td.taskRoleArn()))) {
            return List.of();
        }
        String role = Arns.roleName(td.taskRoleArn());
        return List.of(Finding.of(METADATA, td.resourceArn(), Names.task(td) + " uses role " + role
                        + " as both execution role and task role.")
                .withFix("Create a role such as " + (Texts.isBlank(td.family()) ? "<family>" : td.family())
                        + "-task with only the application's permissions and set it as \"taskRoleArn\"; keep " + role
                        + " as \"executionRoleArn\"."));
    }
}
