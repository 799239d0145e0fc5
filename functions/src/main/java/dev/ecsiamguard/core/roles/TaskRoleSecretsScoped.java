package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Application code that may read every secret, parameter or key of the account hands all of them to whoever
 * exploits it. Probes on a secret, a parameter and a key nobody named show such grants by evaluation, denies,
 * conditions and the boundary included.
 */
final class TaskRoleSecretsScoped implements RoleRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TASK-SECRETS-WILDCARD",
            Severity.MEDIUM,
            "Task role reads only the secrets it names",
            "Scope secretsmanager:GetSecretValue, ssm:GetParameter(s) and kms:Decrypt on the task role to the ARNs "
                    + "of the secrets, parameters and keys the application reads.");

    private static final String PROBE = "ecs-iam-guard-unreferenced-probe";
    private static final String REGION = "us-east-1";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        return ctx.taskRole().map(role -> {
            String account = role.role().accountId().matches("\\d{12}") ? role.role().accountId()
                    : ctx.accountIfKnown().orElse("000000000000");
            String prefix = "arn:" + ctx.partition() + ":%s:" + ctx.regionIfKnown().orElse(REGION) + ":" + account
                    + ":%s";
            List<String> broad = new ArrayList<>();
            probe(role, ctx, "secretsmanager:GetSecretValue", String.format(prefix, "secretsmanager",
                    "secret:" + PROBE + "-Zz9Yy8"), broad);
            probe(role, ctx, "ssm:GetParameter", String.format(prefix, "ssm", "parameter/" + PROBE), broad);
            probe(role, ctx, "ssm:GetParameters", String.format(prefix, "ssm", "parameter/" + PROBE), broad);
            probe(role, ctx, "kms:Decrypt", String.format(prefix, "kms", "key/00000000-0000-4000-8000-000000000000"),
                    broad);
            if (broad.isEmpty()) {
                return List.<Finding>of();
            }
            return List.of(Finding.of(METADATA, role.role().arn(), "Task role " + role.role().name() + " may "
                    + String.join(", ", broad) + " on secrets, parameters or keys it does not name, so the "
                    + "application can read every one of them in the account."));
        }).orElse(List.of());
    }

    private static void probe(RoleAnalysisContext.Analyzed role, RoleAnalysisContext ctx, String action,
                              String unnamed, List<String> broad) {
        if (Permissions.allowed(role, action, unnamed, ctx)) {
            broad.add(action);
        }
    }
}
