package dev.ecsiamguard.core.trust;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.List;

/** A task role that other services or principals may also assume hands the task's permissions to them. */
final class EcsTrustHasNoExtraPrincipals implements TrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("TRUST-EXTRA-PRINCIPALS", Severity.MEDIUM,
            "ECS task role is trusted by ECS tasks only",
            "Remove every principal but {\"Service\": \"ecs-tasks.amazonaws.com\"}; give other services their own"
                    + " role.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TrustedRole role) {
        if (!role.trustsEcsTasks()) {
            return List.of();
        }
        List<String> others = role.grants().stream().filter(g -> !role.ecsTasksGrants().contains(g))
                .map(TrustGrant::principal).distinct().toList();
        return others.isEmpty() ? List.of() : List.of(Finding.of(METADATA, role.roleArn(), "Role " + role.roleArn()
                + " is trusted by " + TrustedRole.ECS_TASKS + " and also by " + String.join(", ", others) + "."));
    }
}
