package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.EvaluatedGrants;
import java.util.ArrayList;
import java.util.List;

/** Push rights on every repository let one workflow overwrite the images of every other service. */
final class DeployEcrActionsScoped implements DeployRule {

    static final RuleMetadata METADATA = new RuleMetadata("DEPLOY-ECR-SCOPE", Severity.MEDIUM,
            "Deploy role pushes only to its own repository",
            "Grant the ECR push actions on arn:<partition>:ecr:<region>:<account>:repository/<name> only (keep"
                    + " ecr:GetAuthorizationToken on *), and no ecr:*.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DeployRole role) {
        List<String> problems = new ArrayList<>();
        if (new EvaluatedGrants(role.evaluator()).serviceWideGrants().contains("ecr")) {
            problems.add("ecr:*");
        }
        List<String> canaries = role.canaries("ecr", "repository/" + DeployRole.CANARY);
        List<String> wide = DeployRoleBlueprint.PUSH_ACTIONS.stream()
                .filter(a -> !role.allowedOn(a, canaries, null, null).isEmpty()).toList();
        if (!wide.isEmpty()) {
            problems.add(wide + " on repositories other than its own");
        }
        if (problems.isEmpty()) {
            return List.of();
        }
        Finding finding = Finding.of(METADATA, role.roleArn(), "Deploy role " + role.roleArn() + " allows "
                + String.join(", ", problems) + ".");
        return List.of(role.target().map(t -> finding.withFix("Grant " + DeployRoleBlueprint.PUSH_ACTIONS
                + " on \"" + t.repositoryArn() + "\" only.")).orElse(finding));
    }
}
