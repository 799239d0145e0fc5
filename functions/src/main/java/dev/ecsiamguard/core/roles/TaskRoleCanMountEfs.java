package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.policy.EvaluationResult;
import dev.ecsiamguard.core.taskdef.ContainerDefinition;
import dev.ecsiamguard.core.taskdef.EfsIamAuthorizationUsable;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The task-role half of TD-EFS-IAM-NEEDS-TASKROLE: with IAM authorization, EFS mounts with the task role, so the
 * role must be allowed ClientMount (and ClientWrite when a container writes) on the file system, through the
 * access point when there is one. The {@code efs} capability grants exactly that.
 */
final class TaskRoleCanMountEfs implements RoleRule {

    /** The same rule as the content check, not a second one: one id, one title, one remediation. */
    static final RuleMetadata METADATA = EfsIamAuthorizationUsable.METADATA;

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        var found = ctx.taskRole();
        if (found.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Volume volume : td.volumes()) {
            Volume.EfsVolume efs = volume.efs();
            if (efs == null || !efs.iamEnabled() || efs.fileSystemId() == null || efs.fileSystemId().isBlank()) {
                continue;
            }
            String fileSystem = ctx.arn("elasticfilesystem", "file-system/" + efs.fileSystemId());
            Map<String, String> context = efs.usesAccessPoint() ? Map.of("elasticfilesystem:AccessPointArn",
                    ctx.arn("elasticfilesystem", "access-point/" + efs.accessPointId())) : Map.of();
            List<String> actions = writes(td, volume.name())
                    ? List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite")
                    : List.of("elasticfilesystem:ClientMount");
            List<String> denied = new ArrayList<>();
            for (String action : actions) {
                EvaluationResult result = Permissions.evaluate(found.get().evaluator(), action, fileSystem,
                        found.get().role(), ctx, context);
                if (!result.isAllowed()) {
                    denied.add(action);
                }
            }
            if (!denied.isEmpty()) {
                String via = efs.usesAccessPoint() ? " through access point " + efs.accessPointId() : "";
                findings.add(Finding.of(metadata(), td.resourceArn(), "Task role " + found.get().role().name()
                        + " of task definition " + td.displayName() + " is not allowed " + String.join(", ", denied)
                        + " on " + fileSystem + via + ", which EFS volume " + volume.name() + " needs to mount.")
                        .withFix("Declare the efs capability (efs" + (denied.size() > 1 ? ".read-write" : "") + "="
                                + efs.fileSystemId() + (efs.usesAccessPoint() ? "=" + efs.accessPointId() : "")
                                + ") or grant " + Permissions.statement(denied, fileSystem)));
            }
        }
        return findings;
    }

    private static boolean writes(TaskDefinition td, String volume) {
        for (ContainerDefinition container : td.containers()) {
            for (ContainerDefinition.MountPoint mount : container.mountPoints()) {
                if (volume != null && volume.equals(mount.sourceVolume()) && !mount.readOnly()) {
                    return true;
                }
            }
        }
        return false;
    }
}
