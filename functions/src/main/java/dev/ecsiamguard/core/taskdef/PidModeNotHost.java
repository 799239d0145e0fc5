package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** Sharing the host's process namespace lets containers see and signal every process on the instance. */
final class PidModeNotHost implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-HOST-PID",
            Severity.HIGH,
            "Task definition does not share the host's process namespace",
            "Remove \"pidMode\": \"host\", or use \"task\" to share processes only within the task.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        if (!"host".equalsIgnoreCase(td.pidMode())) {
            return List.of();
        }
        return List.of(Finding.of(METADATA, td.resourceArn(), Names.task(td) + " shares the host's process namespace.")
                .withFix("Remove \"pidMode\": \"host\" from task definition " + td.displayName()
                        + ", or set \"pidMode\": \"task\"."));
    }
}
