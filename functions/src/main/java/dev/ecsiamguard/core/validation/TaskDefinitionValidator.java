package dev.ecsiamguard.core.validation;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.roles.RoleLookup;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionChecker;
import dev.ecsiamguard.core.taskdef.TaskDefinitionContext;
import dev.ecsiamguard.core.taskdef.TaskDefinitionRules;

/**
 * The one entry point for validating a task definition revision, used by the function, the API and the command
 * line alike: its content, and (when roles can be looked up) the roles it references.
 */
public final class TaskDefinitionValidator {

    private final TaskDefinitionChecker content;

    public TaskDefinitionValidator(TaskDefinitionContext context) {
        this.content = new TaskDefinitionChecker(TaskDefinitionRules.ALL, context);
    }

    public Report validate(TaskDefinition taskDefinition, RoleLookup roles) {
        return content.check(taskDefinition);
    }
}
