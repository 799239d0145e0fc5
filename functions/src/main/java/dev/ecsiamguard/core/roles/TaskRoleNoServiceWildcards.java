package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.EvaluatedGrants;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** A whole-service grant such as {@code s3:*} includes deletes and policy changes the application never makes. */
final class TaskRoleNoServiceWildcards implements RoleRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TASK-SERVICE-WILDCARD",
            Severity.MEDIUM,
            "Task role grants named actions instead of whole services",
            "Replace service:* actions on the task role with the specific actions the application calls.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        return ctx.taskRole().map(role -> {
            SortedSet<String> services = new TreeSet<>(new EvaluatedGrants(role.evaluator()).serviceWideGrants());
            services.remove("*");
            if (services.isEmpty()) {
                return List.<Finding>of();
            }
            return List.of(Finding.of(METADATA, role.role().arn(), "Task role " + role.role().name()
                    + " grants every action of " + String.join(", ", services.stream().map(s -> s + ":*").toList())
                    + "."));
        }).orElse(List.of());
    }
}
