package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.ContainerDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/** Images from a private registry are pulled with credentials the agent reads from Secrets Manager first. */
final class ExecutionRoleCanReadRegistryCredentials extends ExecutionRoleNeeds {

    static final RuleMetadata METADATA = new RuleMetadata(
            "EXEC-PRIVATE-REGISTRY",
            Severity.HIGH,
            "Execution role can read the private registry credentials",
            "Allow secretsmanager:GetSecretValue on the repositoryCredentials secret to the execution role.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    List<Need> needs(TaskDefinition td, RoleAnalysisContext ctx) {
        List<Need> needs = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            SecretReferences.resolve(c.repositoryCredentialsParameter(), true, ctx)
                    .filter(SecretReferences.Target::isSecret)
                    .ifPresent(t -> needs.add(Need.of("repositoryCredentials of container " + c.displayName(),
                            t.arn(), "secretsmanager:GetSecretValue").fixedOn(t.fixArn())));
        }
        return needs;
    }

    @Override
    String unseen() {
        return ExecutionRoleCanReadSecrets.UNSEEN;
    }
}
