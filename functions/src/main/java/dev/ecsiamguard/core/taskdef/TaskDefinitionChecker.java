package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleRunner;
import java.util.List;
import java.util.Objects;

/** Runs every content rule over one task definition and never fails as a whole: a broken rule is reported. */
public final class TaskDefinitionChecker {

    private final List<TaskDefinitionRule> rules;
    private final TaskDefinitionContext context;

    public TaskDefinitionChecker(List<TaskDefinitionRule> rules, TaskDefinitionContext context) {
        this.rules = List.copyOf(rules);
        this.context = Objects.requireNonNull(context, "context");
    }

    /** All rules of {@link TaskDefinitionRules#ALL} with {@link TaskDefinitionContext#defaults()}. */
    public static TaskDefinitionChecker withDefaults() {
        return new TaskDefinitionChecker(TaskDefinitionRules.ALL, TaskDefinitionContext.defaults());
    }

    public Report check(TaskDefinition td) {
        return RuleRunner.run(rules, new TaskDefinitionRule.Subject(td, context), td.resourceArn());
    }
}
