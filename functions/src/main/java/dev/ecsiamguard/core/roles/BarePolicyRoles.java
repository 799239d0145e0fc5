package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.RuleRunner;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a bare permission policy as an ECS task or execution role with the role rules that need only the role:
 * admin-equivalence, escalation paths and over-broad grants. Rules about what a task definition needs (images,
 * logs, secrets it references, EFS) cannot run without one and are left out.
 */
public final class BarePolicyRoles {

    /** Stands in for the task definition a bare policy has none of; rules word their findings without it. */
    static final TaskDefinition NO_TASK_DEFINITION = new TaskDefinition(null, null, 0, null, null, null, List.of(),
            null, null, null, null, null, List.of(), List.of());

    static final Set<String> TASK_RULES = Set.of(TaskRoleNotAdmin.METADATA.id(),
            TaskRoleNoPrivilegeEscalation.METADATA.id(), TaskRolePassRoleScoped.METADATA.id(),
            TaskRoleNoServiceWildcards.METADATA.id(), TaskRoleSecretsScoped.METADATA.id());
    static final Set<String> EXECUTION_RULES = Set.of(ExecutionRoleNotOverbroad.METADATA.id());

    private BarePolicyRoles() {
    }

    /**
     * Runs the rules of the kind on the policies, adding findings (pointing at {@code subject}) and rule errors.
     *
     * @param execution true for an execution role, false for a task role
     * @param subject how output names the policy (its file)
     */
    public static void run(boolean execution, String subject, List<NamedPolicy> policies, String partition,
                           String account, List<Finding> findings, List<RuleError> errors) {
        String arn = "arn:" + partition + ":iam::" + account + ":role/ecs-iam-guard-bare-policy";
        RoleSnapshot role = new RoleSnapshot(arn, subject, "/", new NamedPolicy("trust", PolicyDocument.of()),
                policies, List.of(), Optional.empty(), Map.of());
        RoleResolution found = RoleResolution.found(role);
        RoleResolution none = RoleResolution.unknown("a bare policy has no other role");
        RoleAnalysisContext ctx = new RoleAnalysisContext(partition, "us-east-1", account,
                execution ? found : none, execution ? none : found, Map.of());
        Set<String> ids = execution ? EXECUTION_RULES : TASK_RULES;
        List<RoleRule> rules = RoleRules.ALL.stream().filter(r -> ids.contains(r.metadata().id())).toList();
        List<Finding> raw = new java.util.ArrayList<>();
        RuleRunner.run(rules, new RoleRule.Subject(NO_TASK_DEFINITION, ctx), subject, raw, errors);
        raw.forEach(f -> findings.add(new Finding(f.rule(), f.severity(), subject, f.message(), f.fix())));
    }

    /** " of task definition x", or nothing for a bare policy's stand-in. */
    static String ofTaskDefinition(TaskDefinition td) {
        return td == NO_TASK_DEFINITION ? "" : " of task definition " + td.displayName();
    }
}
