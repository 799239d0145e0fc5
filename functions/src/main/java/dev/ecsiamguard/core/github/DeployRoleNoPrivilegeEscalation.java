package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.EscalationAnalysis;
import java.util.List;

/**
 * A workflow that may write IAM, pass a role to new compute or assume roles it does not name can act with more
 * than its deploy role holds: each path of the engine's escalation catalogue is asked on resources nobody named.
 * Full access and the paths to it are DEPLOY-ADMIN's; the ECS paths (PassRole with task definitions, ECS Exec)
 * are DEPLOY-ECS-PRIVESC's and DEPLOY-EXEC-COMMAND's, so each path is reported once.
 */
final class DeployRoleNoPrivilegeEscalation implements DeployRule {

    static final RuleMetadata METADATA = new RuleMetadata("DEPLOY-PRIVESC", Severity.HIGH,
            "Deploy role cannot escalate its own privileges",
            "Remove IAM write actions, iam:PassRole to services other than ECS tasks, compute-creating actions and "
                    + "sts:AssumeRole on * from the deploy role.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DeployRole role) {
        EscalationAnalysis.Verdict verdict = role.escalation();
        List<EscalationAnalysis.Found> paths = verdict.otherPaths().stream().filter(f -> !isEcsPath(f)).toList();
        if (verdict.hasFullAccess() || paths.isEmpty()) {
            return List.of();
        }
        return List.of(Finding.of(METADATA, role.roleArn(), "Deploy role " + role.roleArn() + " may escalate its "
                + "privileges: " + EscalationAnalysis.describeAll(paths) + "; so a workflow can act with more than "
                + "the role holds."));
    }

    /** Paths the ECS deploy rules already report. */
    static boolean isEcsPath(EscalationAnalysis.Found found) {
        String id = found.path().id();
        return id.startsWith("PASSROLE-ECS-") || id.equals("ECS-EXECUTE-COMMAND");
    }
}
