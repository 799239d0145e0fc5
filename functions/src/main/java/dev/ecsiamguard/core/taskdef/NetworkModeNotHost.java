package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** Host networking removes the network boundary between the task, the host and the instance metadata service. */
final class NetworkModeNotHost implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-HOST-NETWORK",
            Severity.HIGH,
            "Task definition does not use the host network mode",
            "Set \"networkMode\": \"awsvpc\" so the task gets its own network interface and security groups.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        if (!"host".equalsIgnoreCase(td.networkMode())) {
            return List.of();
        }
        return List.of(Finding.of(METADATA, td.resourceArn(), Names.task(td) + " uses the host network mode.")
                .withFix("Set \"networkMode\": \"awsvpc\" on task definition " + td.displayName() + "."));
    }
}
