package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.List;

/** PassRole beyond the service's two roles lets a workflow run its code with any role it can find. */
final class DeployPassRoleScoped implements DeployRule {

    static final RuleMetadata METADATA = new RuleMetadata("DEPLOY-PASSROLE-WILDCARD", Severity.HIGH,
            "Deploy role passes only the service's task and execution roles",
            "Limit iam:PassRole to the ARNs of the service's execution role and task role.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DeployRole role) {
        List<String> candidates = new ArrayList<>(role.namedResources("iam:PassRole"));
        candidates.add(role.canaryRole());
        List<String> passable = role.allowedOn("iam:PassRole", candidates, "iam:PassedToService",
                DeployRole.ECS_TASKS);
        List<String> beyond = passable.stream().filter(arn -> role.target()
                .map(t -> !arn.equals(t.executionRoleArn()) && !arn.equals(t.taskRoleArn()))
                .orElse(arn.contains("*") || arn.contains("?") || arn.equals(role.canaryRole()))).toList();
        if (beyond.isEmpty()) {
            return List.of();
        }
        Finding finding = beyond.stream().allMatch(DeployPassRoleScoped::oneRoleInAnyAccount)
                ? Finding.of(METADATA, role.roleArn(), "Deploy role " + role.roleArn() + " may pass " + beyond
                        + ": the wildcard is only in the account, and a role is passed only within its own account,"
                        + " so each names one role; name the account to keep the policy exact.")
                        .withSeverity(Severity.LOW)
                : Finding.of(METADATA, role.roleArn(), "Deploy role " + role.roleArn()
                        + " may pass roles beyond the service's own: " + beyond.stream()
                        .map(a -> a.equals(role.canaryRole()) ? "any role" : a).distinct().toList() + ".");
        return List.of(role.target().map(t -> finding.withFix("Use \"Action\": \"iam:PassRole\", \"Resource\": [\""
                + t.executionRoleArn() + "\", \"" + t.taskRoleArn() + "\"] with \"Condition\": {\"StringEquals\": "
                + "{\"iam:PassedToService\": \"ecs-tasks.amazonaws.com\"}}.")).orElse(finding));
    }

    /** {@code arn:aws:iam::*:role/name}: wildcards in the account only, one exact role name (path included). */
    static boolean oneRoleInAnyAccount(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[2].equals("iam") && parts[3].isEmpty() && parts[4].matches("[*?0-9]*")
                && parts[4].matches(".*[*?].*") && parts[5].startsWith("role/") && !parts[5].matches(".*[*?].*");
    }
}
