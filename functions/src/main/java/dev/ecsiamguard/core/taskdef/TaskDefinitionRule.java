package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import java.util.List;

/** One check of a task definition's content; pure, so it runs the same on a file in CI and on a new revision. */
public interface TaskDefinitionRule {

    RuleMetadata metadata();

    /** The findings for this task definition, empty when it passes; never {@code null}. */
    List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx);
}
