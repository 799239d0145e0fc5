package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** Sharing the host's IPC namespace exposes the host's shared memory and semaphores to the containers. */
final class IpcModeNotHost implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-HOST-IPC",
            Severity.MEDIUM,
            "Task definition does not share the host's IPC namespace",
            "Remove \"ipcMode\": \"host\", or use \"task\" or \"none\".");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        if (!"host".equalsIgnoreCase(td.ipcMode())) {
            return List.of();
        }
        return List.of(Finding.of(METADATA, td.resourceArn(), Names.task(td) + " shares the host's IPC namespace.")
                .withFix("Remove \"ipcMode\": \"host\" from task definition " + td.displayName()
                        + ", or set \"ipcMode\": \"task\"."));
    }
}
