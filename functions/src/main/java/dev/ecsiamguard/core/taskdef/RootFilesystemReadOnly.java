package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/**
 * A writable root file system lets an intruder change the application's own files; read-only root is a
 * Linux option, so Windows task definitions are not checked.
 */
final class RootFilesystemReadOnly implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-READONLY-ROOTFS",
            Severity.MEDIUM,
            "Containers have a read-only root file system",
            "Set \"readonlyRootFilesystem\": true and mount a volume for the paths the application writes.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        if (td.isWindows()) {
            return List.of();
        }
        return td.containers().stream()
                .filter(c -> !c.readonlyRootFilesystem())
                .map(c -> Finding.of(METADATA, td.resourceArn(), Names.container(td, c)
                                + " has a writable root file system.")
                        .withFix("Set \"readonlyRootFilesystem\": true on container " + c.displayName() + "."))
                .toList();
    }
}
