package dev.ecsiamguard.core.validation;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.RuleRunner;
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
        RuleRunner.run(roleRules, new RoleRule.Subject(taskDefinition, ctx), taskDefinition.resourceArn(), findings,
                errors);
        return new Report(contentReport.subject(), findings, errors);
    }

    private static List<RoleRule> concat(List<RoleRule> a, List<RoleRule> b) {
        List<RoleRule> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
