package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A revision whose execution or task role does not exist fails at task start, and a role in another account
 * cannot be assumed by ECS there; both are cheaper to learn at registration.
 */
final class ReferencedRolesExist implements RoleRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-ROLE-EXISTS",
            Severity.HIGH,
            "Referenced execution and task roles exist in the task's account",
            "Create the role in the task's account, or point the task definition at an existing role there.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        List<Finding> findings = new ArrayList<>();
        if (td.hasExecutionRole()) {
            check(td, ctx, "execution", td.executionRoleArn(), ctx.execution()).ifPresent(findings::add);
        }
        if (td.hasTaskRole()) {
            check(td, ctx, "task", td.taskRoleArn(), ctx.task()).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> check(TaskDefinition td, RoleAnalysisContext ctx, String kind,
                                                     String reference, RoleResolution resolution) {
        String ref = reference.strip();
        Optional<String> roleAccount = ArnParts.field(ref, 4);
        if (roleAccount.isPresent() && ctx.accountIfKnown().isPresent()
                && !roleAccount.get().equals(ctx.accountIfKnown().get())) {
            return Optional.of(Finding.of(METADATA, td.resourceArn(), "The " + kind + " role " + ref
                    + " of task definition " + td.displayName() + " is in account " + roleAccount.get()
                    + ", not in the task's account " + ctx.accountIfKnown().get() + ", so ECS cannot use it.")
                    .withFix("Set \"" + kind + "RoleArn\" to a role in account " + ctx.accountIfKnown().get() + "."));
        }
        if (resolution.status() == RoleResolution.Status.UNKNOWN && !ctx.rolesSkipped()) {
            return Optional.of(Finding.of(METADATA, td.resourceArn(), "The " + kind + " role " + ref
                            + " of task definition " + td.displayName() + " could not be checked ("
                            + resolution.reason() + "), so its permissions are not validated.")
                    .withSeverity(Severity.INFORMATIONAL)
                    .withFix("Make role " + ref + " readable by ecs-iam-guard (iam:GetRole, iam:ListRolePolicies, "
                            + "iam:GetRolePolicy, iam:ListAttachedRolePolicies, iam:GetPolicy, "
                            + "iam:GetPolicyVersion)."));
        }
        if (resolution.status() != RoleResolution.Status.MISSING) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(METADATA, td.resourceArn(), "The " + kind + " role " + ref
                        + " of task definition " + td.displayName() + " does not exist"
                        + (resolution.reason().isEmpty() ? "." : " (" + resolution.reason() + ")."))
                .withFix("Create role " + ref + " trusted by ecs-tasks.amazonaws.com, or set \"" + kind
                        + "RoleArn\" to an existing role."));
    }
}
