package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.ContainerDefinition;
import dev.ecsiamguard.core.taskdef.FirelensConfiguration;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * A FireLens router with its configuration file in S3 gets that file through the execution role; the log
 * destinations are written with the task role, which this rule does not judge.
 */
final class ExecutionRoleCanReadFirelensConfig extends ExecutionRoleNeeds {

    static final RuleMetadata METADATA = new RuleMetadata(
            "EXEC-FIRELENS-CONFIG",
            Severity.MEDIUM,
            "Execution role can read the FireLens configuration file in S3",
            "Allow s3:GetObject on the FireLens config file and s3:GetBucketLocation on its bucket to the "
                    + "execution role.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    List<Need> needs(TaskDefinition td, RoleAnalysisContext ctx) {
        List<Need> needs = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            FirelensConfiguration firelens = c.firelensConfiguration();
            if (firelens != null && "s3".equalsIgnoreCase(firelens.options().get("config-file-type"))) {
                S3Objects.needs(firelens.options().get("config-file-value"), "the FireLens config file of container "
                        + c.displayName()).ifPresent(needs::addAll);
            }
        }
        return needs;
    }
}
