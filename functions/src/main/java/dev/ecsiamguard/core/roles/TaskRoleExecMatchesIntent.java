package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * ECS Exec needs four ssmmessages actions on the task role, and a shell into production should exist only where
 * it was meant to. Intent is only known from the revision's capabilities tag; without it the rule stays silent.
 */
final class TaskRoleExecMatchesIntent implements RoleRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TASK-EXEC-SSMMESSAGES",
            Severity.MEDIUM,
            "Task role allows ECS Exec exactly when the task is meant to use it",
            "Grant the four ssmmessages channel actions on * to the task role when ECS Exec is intended, and "
                    + "remove them otherwise.");

    /** The tag the provisioner also reads: a space- or plus-separated list such as {@code exec}. */
    static final String CAPABILITIES_TAG = "ecs-iam-guard:capabilities";

    static final List<String> ACTIONS = List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        String capabilities = ctx.tags().get(CAPABILITIES_TAG);
        if (capabilities == null) {
            return List.of();
        }
        boolean intended = Arrays.stream(capabilities.toLowerCase(Locale.ROOT).split("[\\s+,]+"))
                .anyMatch(c -> c.equals("exec"));
        var found = ctx.taskRole();
        if (found.isEmpty()) {
            return intended && !td.hasTaskRole() ? List.of(Finding.of(METADATA, td.resourceArn(), "Task definition "
                    + td.displayName() + " is tagged for ECS Exec but has no task role.")) : List.of();
        }
        var role = found.get();
        List<String> missing = ACTIONS.stream().filter(a -> !Permissions.allowed(role, a, "*", ctx)).toList();
        if (intended && !missing.isEmpty()) {
            return List.of(Finding.of(METADATA, td.resourceArn(), "Task role " + role.role().name() + " of task "
                            + "definition " + td.displayName() + ", tagged for ECS Exec, is not allowed "
                            + String.join(", ", missing) + ", so exec sessions will fail.")
                    .withFix(Permissions.statement(missing, "*")));
        }
        if (!intended && missing.isEmpty()) {
            return List.of(Finding.of(METADATA, role.role().arn(), "Task role " + role.role().name() + " allows "
                            + "ECS Exec, but task definition " + td.displayName() + " is not tagged for it.")
                    .withFix("Remove " + String.join(", ", ACTIONS) + " from task role " + role.role().name()
                            + ", or add exec to the " + CAPABILITIES_TAG + " tag."));
        }
        return List.of();
    }
}
