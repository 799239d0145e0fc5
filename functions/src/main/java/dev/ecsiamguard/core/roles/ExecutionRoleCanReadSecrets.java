package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent reads every Secrets Manager secret the revision injects with the execution role, on the secret's base
 * ARN; one it cannot read stops the task with ResourceInitializationError after the deploy looked fine.
 */
final class ExecutionRoleCanReadSecrets extends ExecutionRoleNeeds {

    static final RuleMetadata METADATA = new RuleMetadata(
            "EXEC-SECRETS-SM",
            Severity.HIGH,
            "Execution role can read the Secrets Manager secrets the task injects",
            "Allow secretsmanager:GetSecretValue on each referenced secret to the execution role.");

    static final String UNSEEN = "a customer managed KMS key on the secret would also need kms:Decrypt, and the "
            + "secret's resource policy must not deny it, neither of which can be seen here";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    List<Need> needs(TaskDefinition td, RoleAnalysisContext ctx) {
        List<Need> needs = new ArrayList<>();
        for (SecretReferences.Reference ref : SecretReferences.all(td)) {
            SecretReferences.resolve(ref.valueFrom(), false, ctx).filter(SecretReferences.Target::isSecret)
                    .ifPresent(t -> needs.add(Need.of(ref.why() + (t.partial() ? " (a partial ARN)" : ""), t.arn(),
                            "secretsmanager:GetSecretValue").fixedOn(t.fixArn())));
        }
        return needs;
    }

    @Override
    String unseen() {
        return UNSEEN;
    }
}
