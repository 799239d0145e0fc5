package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.ContainerDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/** The agent downloads each S3 environment file with the execution role before the container starts. */
final class ExecutionRoleCanReadEnvironmentFiles extends ExecutionRoleNeeds {

    static final RuleMetadata METADATA = new RuleMetadata(
            "EXEC-ENV-FILES",
            Severity.HIGH,
            "Execution role can read the task's S3 environment files",
            "Allow s3:GetObject on each environment file and s3:GetBucketLocation on its bucket to the execution "
                    + "role.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    List<Need> needs(TaskDefinition td, RoleAnalysisContext ctx) {
        List<Need> needs = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            for (ContainerDefinition.EnvironmentFile file : c.environmentFiles()) {
                S3Objects.needs(file.value(), "environment file of container " + c.displayName())
                        .ifPresent(needs::addAll);
            }
        }
        return needs;
    }

    @Override
    String unseen() {
        return "a bucket policy or KMS key policy may still deny it, which cannot be seen here";
    }
}
