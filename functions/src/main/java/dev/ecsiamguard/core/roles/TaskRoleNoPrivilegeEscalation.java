package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Application code that can write IAM, pass a role to new compute, or assume any role can grant itself more than
 * the task role holds; probes on resources nobody named show whether the role's policies allow that.
 */
final class TaskRoleNoPrivilegeEscalation implements RoleRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TASK-PRIVESC",
            Severity.HIGH,
            "Task role cannot escalate its own privileges",
            "Remove IAM write actions, broad iam:PassRole with compute-creating actions, and sts:AssumeRole on * "
                    + "from the task role.");

    private static final List<String> ROLE_WRITES = List.of("iam:CreateRole", "iam:PutRolePolicy",
            "iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy");
    private static final List<String> USER_WRITES = List.of("iam:CreateUser", "iam:CreateAccessKey",
            "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:PutUserPolicy", "iam:AttachUserPolicy",
            "iam:AddUserToGroup");
    private static final List<String> POLICY_WRITES = List.of("iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion");
    private static final List<String> GROUP_WRITES = List.of("iam:PutGroupPolicy", "iam:AttachGroupPolicy");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        var found = ctx.taskRole();
        if (found.isEmpty()) {
            return List.of();
        }
        var role = found.get();
        String iam = "arn:" + ctx.partition() + ":iam::" + ArnParts.field(role.role().arn(), 4).orElse("") + ":";
        List<String> allowed = new ArrayList<>();
        allowedOf(role, ctx, ROLE_WRITES, iam + "role/ecs-iam-guard-probe", allowed);
        allowedOf(role, ctx, USER_WRITES, iam + "user/ecs-iam-guard-probe", allowed);
        allowedOf(role, ctx, POLICY_WRITES, iam + "policy/ecs-iam-guard-probe", allowed);
        allowedOf(role, ctx, GROUP_WRITES, iam + "group/ecs-iam-guard-probe", allowed);
        List<String> reasons = new ArrayList<>();
        if (!allowed.isEmpty()) {
            reasons.add("write IAM (" + String.join(", ", allowed) + ")");
        }
        if (Permissions.allowed(role, "iam:PassRole", iam + "role/ecs-iam-guard-probe", ctx)) {
            List<String> compute = new ArrayList<>();
            computeCreates(ctx).forEach((action, resource) -> {
                if (Permissions.allowed(role, action, resource, ctx)) {
                    compute.add(action);
                }
            });
            if (!compute.isEmpty()) {
                reasons.add("pass roles it does not name to new compute (iam:PassRole with "
                        + String.join(", ", compute) + ")");
            }
        }
        String foreignRole = "arn:" + ctx.partition() + ":iam::000000000000:role/ecs-iam-guard-probe";
        if (Permissions.allowed(role, "sts:AssumeRole", foreignRole, ctx)) {
            reasons.add("assume roles it does not name (sts:AssumeRole on *)");
        }
        if (reasons.isEmpty()) {
            return List.of();
        }
        return List.of(Finding.of(METADATA, role.role().arn(), "Task role " + role.role().name() + " may "
                + String.join("; ", reasons) + ", so the application can grant itself more than the role holds."));
    }

    private static void allowedOf(RoleAnalysisContext.Analyzed role, RoleAnalysisContext ctx, List<String> actions,
                                  String resource, List<String> allowed) {
        actions.stream().filter(a -> Permissions.allowed(role, a, resource, ctx)).forEach(allowed::add);
    }

    private static Map<String, String> computeCreates(RoleAnalysisContext ctx) {
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("ecs:RunTask", ctx.arn("ecs", "task-definition/ecs-iam-guard-probe:1"));
        probes.put("ecs:RegisterTaskDefinition", "*");
        probes.put("lambda:CreateFunction", ctx.arn("lambda", "function:ecs-iam-guard-probe"));
        probes.put("ec2:RunInstances", ctx.arn("ec2", "instance/*"));
        probes.put("cloudformation:CreateStack", ctx.arn("cloudformation", "stack/ecs-iam-guard-probe/*"));
        probes.put("glue:CreateDevEndpoint", ctx.arn("glue", "devEndpoint/ecs-iam-guard-probe"));
        return probes;
    }
}
