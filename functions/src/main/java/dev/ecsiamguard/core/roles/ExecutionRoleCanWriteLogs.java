package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.ContainerDefinition;
import dev.ecsiamguard.core.taskdef.LogConfiguration;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * With the awslogs driver the agent creates the container's log stream and writes to it with the execution role
 * (and creates the group when asked to); without these permissions the task fails to start or loses its logs.
 */
final class ExecutionRoleCanWriteLogs extends ExecutionRoleNeeds {

    static final RuleMetadata METADATA = new RuleMetadata(
            "EXEC-LOGS",
            Severity.HIGH,
            "Execution role can write the awslogs log streams",
            "Allow logs:CreateLogStream and logs:PutLogEvents on the log group (and logs:CreateLogGroup when "
                    + "awslogs-create-group is true) to the execution role.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    List<Need> needs(TaskDefinition td, RoleAnalysisContext ctx) {
        List<Need> needs = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            LogConfiguration log = c.logConfiguration();
            if (log == null || !log.isDriver("awslogs") || blank(log.option("awslogs-group"))) {
                continue;
            }
            String region = blank(log.option("awslogs-region")) ? ctx.region() : log.option("awslogs-region").strip();
            String group = "arn:" + ctx.partition() + ":logs:" + region + ":" + ctx.account() + ":log-group:"
                    + log.option("awslogs-group").strip();
            String prefix = blank(log.option("awslogs-stream-prefix")) ? "" : log.option("awslogs-stream-prefix") + "/";
            String stream = group + ":log-stream:" + prefix + c.displayName() + "/0123456789abcdef";
            String why = "the awslogs driver of container " + c.displayName();
            needs.add(Need.of(why, stream, "logs:CreateLogStream", "logs:PutLogEvents").fixedOn(group + ":*"));
            if ("true".equalsIgnoreCase(String.valueOf(log.option("awslogs-create-group")).strip())) {
                needs.add(Need.of(why + " (awslogs-create-group)", group + ":*", "logs:CreateLogGroup"));
            }
        }
        return needs;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
