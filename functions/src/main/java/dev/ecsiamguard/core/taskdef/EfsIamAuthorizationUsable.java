package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.Volume.EfsVolume;
import java.util.ArrayList;
import java.util.List;

/**
 * EFS IAM authorization mounts with the task role and, like an access point, requires transit encryption; an
 * access point also fixes the root directory. Any of these missing makes the mount fail or bypass IAM.
 */
public final class EfsIamAuthorizationUsable implements TaskDefinitionRule {

    /** Shared with the task-role half of the rule (core.roles), which checks the role can really mount. */
    public static final RuleMetadata METADATA = new RuleMetadata(
            "TD-EFS-IAM-NEEDS-TASKROLE",
            Severity.MEDIUM,
            "EFS IAM authorization and access points have what they need to mount",
            "Enable transit encryption, set a task role, and leave rootDirectory unset or \"/\" with an access point.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (Volume v : td.volumes()) {
            EfsVolume efs = v.efs();
            if (efs == null || !(efs.iamEnabled() || efs.usesAccessPoint())) {
                continue;
            }
            String volume = "EFS volume " + (Texts.isBlank(v.name()) ? "(unnamed)" : v.name());
            String feature = efs.iamEnabled() ? "IAM authorization" : "an access point";
            if (!efs.transitEncrypted()) {
                findings.add(finding(td, volume + " uses " + feature + " without transit encryption",
                        "Set \"transitEncryption\": \"ENABLED\" on " + volume + "."));
            }
            if (efs.iamEnabled() && !td.hasTaskRole()) {
                findings.add(finding(td, volume + " uses IAM authorization but the task has no task role",
                        "Set \"taskRoleArn\" to a role allowed elasticfilesystem:ClientMount on file system "
                                + (Texts.isBlank(efs.fileSystemId()) ? "(unknown)" : efs.fileSystemId()) + "."));
            }
            String root = efs.rootDirectory();
            if (efs.usesAccessPoint() && !Texts.isBlank(root) && !root.strip().equals("/")) {
                findings.add(finding(td, volume + " uses an access point with rootDirectory " + root,
                        "Remove \"rootDirectory\" from " + volume + "; the access point sets the directory."));
            }
        }
        return findings;
    }

    private static Finding finding(TaskDefinition td, String problem, String fix) {
        return Finding.of(METADATA, td.resourceArn(), Names.task(td) + ": " + problem + ".").withFix(fix);
    }
}
