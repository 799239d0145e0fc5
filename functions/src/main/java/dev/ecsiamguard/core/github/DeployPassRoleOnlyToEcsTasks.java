package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.List;

/** Without `iam:PassedToService` the passable roles can also be handed to Lambda, EC2 or any other service. */
final class DeployPassRoleOnlyToEcsTasks implements DeployRule {

    static final RuleMetadata METADATA = new RuleMetadata("DEPLOY-PASSROLE-NO-SERVICE", Severity.MEDIUM,
            "Deploy role passes roles only to ECS tasks",
            "Add \"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"ecs-tasks.amazonaws.com\"}} to the"
                    + " iam:PassRole statement.");

    private static final String CANARY_SERVICE = "ecs-iam-guard-canary.amazonaws.com";
    private static final List<String> OTHER_SERVICES = List.of("lambda.amazonaws.com", "ec2.amazonaws.com",
            "ecs.amazonaws.com");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DeployRole role) {
        List<String> candidates = new ArrayList<>(role.namedResources("iam:PassRole"));
        candidates.add(role.canaryRole());
        // A service no policy names: passable to it means passable to every service (no PassedToService limit).
        List<String> toAny = role.allowedOn("iam:PassRole", candidates, "iam:PassedToService", CANARY_SERVICE);
        if (!toAny.isEmpty()) {
            return List.of(finding(role, toAny, "any service (no iam:PassedToService condition limits it)"));
        }
        for (String service : OTHER_SERVICES) {
            List<String> passable = role.allowedOn("iam:PassRole", candidates, "iam:PassedToService", service);
            if (!passable.isEmpty()) {
                return List.of(finding(role, passable, service));
            }
        }
        return List.of();
    }

    private static Finding finding(DeployRole role, List<String> passable, String to) {
        return Finding.of(METADATA, role.roleArn(), "Deploy role " + role.roleArn() + " may pass "
                + passable.stream().map(a -> a.equals(role.canaryRole()) ? "any role" : a).distinct().toList()
                + " to " + to + ", not only to ECS tasks.");
    }
}
