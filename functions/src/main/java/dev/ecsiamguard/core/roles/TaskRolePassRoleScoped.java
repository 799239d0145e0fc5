package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.policy.EvaluatedGrants;
import dev.ecsiamguard.core.policy.StatementRef;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;

/** PassRole on every role, to any service, lets the application hand any role in the account to new compute. */
final class TaskRolePassRoleScoped implements RoleRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TASK-PASSROLE-STAR",
            Severity.HIGH,
            "Task role passes only named roles to named services",
            "Limit iam:PassRole on the task role to specific role ARNs and add an iam:PassedToService condition.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        return ctx.taskRole().map(role -> {
            String account = ArnParts.field(role.role().arn(), 4).orElse("<account>");
            List<StatementRef> refs = new EvaluatedGrants(role.evaluator()).passRoleToAnyService("arn:"
                    + ctx.partition() + ":iam::" + account + ":role/ecs-iam-guard-probe");
            if (refs.isEmpty()) {
                return List.<Finding>of();
            }
            String fix = Json.write(Json.object("Effect", "Allow", "Action", "iam:PassRole",
                    "Resource", "arn:" + ctx.partition() + ":iam::" + account + ":role/<role-to-pass>",
                    "Condition", Json.object("StringEquals", Json.object("iam:PassedToService",
                            "<service>.amazonaws.com"))));
            return List.of(Finding.of(METADATA, role.role().arn(), "Task role " + role.role().name()
                    + " may pass any role to any service ("
                    + String.join(", ", refs.stream().map(StatementRef::describe).toList()) + ").")
                    .withFix("Replace the statement with one naming the roles and the service: " + fix));
        }).orElse(List.of());
    }
}
