package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * SSM parameters injected as secrets are fetched by the agent with ssm:GetParameters (plural) on the parameter
 * ARN, and a parameter under /aws/reference/secretsmanager/ also needs the secret itself.
 */
final class ExecutionRoleCanReadParameters extends ExecutionRoleNeeds {

    static final RuleMetadata METADATA = new RuleMetadata(
            "EXEC-SECRETS-SSM",
            Severity.HIGH,
            "Execution role can read the SSM parameters the task injects",
            "Allow ssm:GetParameters on each referenced parameter ARN to the execution role.");

    static final String UNSEEN = "a SecureString parameter with a customer managed KMS key would also need "
            + "kms:Decrypt on that key, which cannot be seen here";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    List<Need> needs(TaskDefinition td, RoleAnalysisContext ctx) {
        List<Need> needs = new ArrayList<>();
        for (SecretReferences.Reference ref : SecretReferences.all(td)) {
            SecretReferences.resolve(ref.valueFrom(), false, ctx).filter(t -> !t.isSecret()).ifPresent(t -> {
                needs.add(Need.of(ref.why(), t.arn(), "ssm:GetParameters"));
                SecretReferences.referencedSecret(t).ifPresent(s -> needs.add(Need.of(ref.why()
                        + " (through Secrets Manager)", s.arn(), "secretsmanager:GetSecretValue").fixedOn(s.fixArn())));
            });
        }
        return needs;
    }

    @Override
    String unseen() {
        return UNSEEN;
    }
}
