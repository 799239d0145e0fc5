package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/**
 * A container without a hard memory limit can starve its neighbours; when the task itself has a memory size the
 * task still caps it, so the finding is then only informational.
 */
final class ContainerMemoryLimited implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-MEMORY-LIMIT",
            Severity.LOW,
            "Containers have a hard memory limit",
            "Set \"memory\" (the hard limit in MiB) on each container.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        boolean taskLimited = !Texts.isBlank(td.memory());
        return td.containers().stream()
                .filter(c -> c.memory() == null)
                .map(c -> {
                    Finding finding = Finding.of(METADATA, td.resourceArn(), Names.container(td, c)
                                    + " has no hard memory limit"
                                    + (taskLimited ? ", only the task-level memory caps it." : "."))
                            .withFix("Set \"memory\" on container " + c.displayName() + " to its hard limit in MiB"
                                    + (c.memoryReservation() == null ? "." : ", above its memoryReservation of "
                                    + c.memoryReservation() + "."));
                    return taskLimited ? finding.withSeverity(Severity.INFORMATIONAL) : finding;
                })
                .toList();
    }
}
