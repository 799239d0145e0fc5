package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;

/** One cross-check of a task definition against the roles it references; pure, the roles come prefetched. */
public interface RoleRule {

    RuleMetadata metadata();

    /** The findings for this revision and its roles, empty when it passes; never {@code null}. */
    List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx);
}
