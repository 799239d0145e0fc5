package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import java.util.ArrayList;
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
        List<Finding> findings = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        for (TaskDefinitionRule rule : rules) {
            try {
                findings.addAll(rule.check(td, context));
            } catch (RuntimeException e) {
                // INVARIANT: rules never put secret values into exception messages, so the message may be kept.
                errors.add(new RuleError(rule.metadata().id(), td.resourceArn(),
                        "rule failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return new Report(td.resourceArn(), findings, errors);
    }
}
