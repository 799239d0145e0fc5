package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;

/**
 * The shape every execution-role sufficiency rule shares: derive what the revision needs the agent to do, then
 * ask the policy engine which of those the execution role is not allowed, one finding per gap.
 */
abstract class ExecutionRoleNeeds implements RoleRule {

    /** The permissions this revision needs from its execution role for this rule's feature. */
    abstract List<Need> needs(TaskDefinition td, RoleAnalysisContext ctx);

    /** What could still deny a need that the role allows, and cannot be seen here; empty when nothing. */
    String unseen() {
        return "";
    }

    /** Whether the rule concerns this revision at all. */
    boolean applies(TaskDefinition td) {
        return true;
    }

    @Override
    public final List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        var role = ctx.executionRole();
        if (role.isEmpty() || !applies(td)) {
            return List.of();
        }
        return Permissions.gaps(metadata(), td, ctx, role.get(), "Execution", needs(td, ctx), unseen());
    }
}
