package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;

/** One cross-check of a task definition against the roles it references; pure, the roles come prefetched. */
public interface RoleRule extends Rule<RoleRule.Subject> {

    /** What a role rule judges: the revision and its roles, already read. */
    record Subject(TaskDefinition td, RoleAnalysisContext ctx) {
    }

    /** The findings for this revision and its roles, empty when it passes; never {@code null}. */
    List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx);

    @Override
    default List<Finding> check(Subject subject) {
        return check(subject.td(), subject.ctx());
    }
}
