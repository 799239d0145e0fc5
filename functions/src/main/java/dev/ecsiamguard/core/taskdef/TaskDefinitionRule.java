package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import java.util.List;

/** One check of a task definition's content; pure, so it runs the same on a file in CI and on a new revision. */
public interface TaskDefinitionRule extends Rule<TaskDefinitionRule.Subject> {

    /** What a content rule judges: the revision and the settings it is judged against. */
    record Subject(TaskDefinition td, TaskDefinitionContext ctx) {
    }

    /** The findings for this task definition, empty when it passes; never {@code null}. */
    List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx);

    @Override
    default List<Finding> check(Subject subject) {
        return check(subject.td(), subject.ctx());
    }
}
