package dev.ecsiamguard.core.taskdef;

import java.util.Objects;

/**
 * Which roles a task definition family may use: the names the provisioner gives a service's roles, with
 * `{family}` standing for the family (e.g. `ecs-{family}-execution-role`), so one service cannot borrow another's.
 */
public record RolePinning(String executionRoleTemplate, String taskRoleTemplate) {

    public RolePinning {
        Objects.requireNonNull(executionRoleTemplate, "executionRoleTemplate");
        Objects.requireNonNull(taskRoleTemplate, "taskRoleTemplate");
        if (!executionRoleTemplate.contains("{family}") || !taskRoleTemplate.contains("{family}")) {
            throw new IllegalArgumentException("role pinning templates must contain `{family}`: `"
                    + executionRoleTemplate + "`, `" + taskRoleTemplate + "`");
        }
    }

    public String executionRoleFor(String family) {
        return executionRoleTemplate.replace("{family}", family);
    }

    public String taskRoleFor(String family) {
        return taskRoleTemplate.replace("{family}", family);
    }
}
