package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** Without transit encryption, file data travels between the task and EFS in clear text. */
final class EfsTransitEncrypted implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-EFS-TRANSIT",
            Severity.MEDIUM,
            "EFS volumes use encryption in transit",
            "Set \"transitEncryption\": \"ENABLED\" in the volume's efsVolumeConfiguration.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        return td.volumes().stream()
                .filter(v -> v.efs() != null && !v.efs().transitEncrypted())
                .map(v -> Finding.of(METADATA, td.resourceArn(), Names.task(td) + " mounts EFS volume "
                                + name(v) + " without encryption in transit.")
                        .withFix("Set \"transitEncryption\": \"ENABLED\" in the efsVolumeConfiguration of volume "
                                + name(v) + "."))
                .toList();
    }

    private static String name(Volume v) {
        return Texts.isBlank(v.name()) ? "(unnamed)" : v.name();
    }
}
