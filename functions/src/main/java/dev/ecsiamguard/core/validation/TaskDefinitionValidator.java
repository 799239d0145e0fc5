package dev.ecsiamguard.core.validation;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.roles.RoleAnalysisContext;
import dev.ecsiamguard.core.roles.RoleLookup;
import dev.ecsiamguard.core.roles.RoleRule;
import dev.ecsiamguard.core.roles.RoleRules;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionChecker;
import dev.ecsiamguard.core.taskdef.TaskDefinitionContext;
import dev.ecsiamguard.core.taskdef.TaskDefinitionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one entry point for validating a task definition revision, used by the function, the API and the command
 * line alike: its content, and (when roles can be looked up) the roles it references.
 */
public final class TaskDefinitionValidator {

    /**
     * Trust-policy rules of {@code core.trust} (TRUST-*, EXEC-TRUST) plug in here, after merging branch
     * {@code github}: each runs on every found role through the same {@link RoleRule} contract.
     */
    /** The trust-policy rules of core.trust, run on the revision's execution and task roles. */
    static final List<RoleRule> TRUST_RULES = TrustRuleOnTaskRoles.ALL;

    private final TaskDefinitionChecker content;
    private final TaskDefinitionContext context;
    private final List<RoleRule> roleRules;
    private final String defaultRegion;

    public TaskDefinitionValidator(TaskDefinitionContext context) {
        this(context, null);
    }

    /** With the region to assume when a task definition has no ARN yet (a file validated before registration). */
    public TaskDefinitionValidator(TaskDefinitionContext context, String defaultRegion) {
        this(context, concat(RoleRules.ALL, TRUST_RULES), defaultRegion);
    }

    TaskDefinitionValidator(TaskDefinitionContext context, List<RoleRule> roleRules, String defaultRegion) {
        this.context = Objects.requireNonNull(context, "context");
        this.content = new TaskDefinitionChecker(TaskDefinitionRules.ALL, context);
        this.roleRules = List.copyOf(roleRules);
        this.defaultRegion = defaultRegion;
    }

    public Report validate(TaskDefinition taskDefinition, RoleLookup roles) {
        return validate(taskDefinition, roles, Map.of());
    }

    /** As {@link #validate(TaskDefinition, RoleLookup)}, with the revision's tags (they carry intent). */
    public Report validate(TaskDefinition taskDefinition, RoleLookup roles, Map<String, String> tags) {
        Report contentReport = content.check(taskDefinition);
        RoleAnalysisContext ctx = RoleAnalysisContext.resolve(taskDefinition, roles,
                context.accountFor(taskDefinition).orElse(null), defaultRegion, tags);
        List<Finding> findings = new ArrayList<>(contentReport.findings());
        List<RuleError> errors = new ArrayList<>(contentReport.errors());
        for (RoleRule rule : roleRules) {
            try {
                findings.addAll(rule.check(taskDefinition, ctx));
            } catch (RuntimeException e) {
                // INVARIANT: rules never put secret values into exception messages, so the message may be kept.
                errors.add(new RuleError(rule.metadata().id(), taskDefinition.resourceArn(),
                        "rule failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return new Report(contentReport.subject(), findings, errors);
    }

    private static List<RoleRule> concat(List<RoleRule> a, List<RoleRule> b) {
        List<RoleRule> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
