package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.EvaluatedGrants;
import java.util.ArrayList;
import java.util.List;

/** A deploy role that can update any service can replace what runs anywhere in the account, not just its service. */
final class DeployEcsActionsScoped implements DeployRule {

    static final RuleMetadata METADATA = new RuleMetadata("DEPLOY-ECS-SCOPE", Severity.MEDIUM,
            "Deploy role updates only its own ECS service",
            "Grant ecs:UpdateService and ecs:DescribeServices on arn:<partition>:ecs:<region>:<account>:service/"
                    + "<cluster>/<service> only, and no ecs:*.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DeployRole role) {
        List<String> problems = new ArrayList<>();
        if (new EvaluatedGrants(role.evaluator()).serviceWideGrants().contains("ecs")) {
            problems.add("ecs:*");
        }
        List<String> canaries = role.canaries("ecs", "service/" + DeployRole.CANARY + "/" + DeployRole.CANARY);
        for (String action : List.of("ecs:UpdateService", "ecs:DescribeServices")) {
            if (!role.allowedOn(action, canaries, null, null).isEmpty()) {
                problems.add(action + " on services other than its own");
            }
        }
        if (problems.isEmpty()) {
            return List.of();
        }
        Finding finding = Finding.of(METADATA, role.roleArn(), "Deploy role " + role.roleArn() + " allows "
                + String.join(", ", problems) + ".");
        return List.of(role.target().map(t -> finding.withFix("Use \"Action\": [\"ecs:UpdateService\", "
                + "\"ecs:DescribeServices\"], \"Resource\": \"" + t.serviceArn() + "\".")).orElse(finding));
    }
}
