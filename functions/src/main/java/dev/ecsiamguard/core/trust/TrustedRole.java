package dev.ecsiamguard.core.trust;

import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyQuestions;
import dev.ecsiamguard.core.policy.PrincipalKind;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A role's trust policy with what the checker knows around it: the account it lives in (empty when unknown, e.g.
 * a policy file) and whether ECS tasks are meant to assume it (task or execution role).
 */
public record TrustedRole(String roleArn, Optional<String> account, NamedPolicy trust, boolean ecsTaskRole,
                          List<TrustGrant> grants) {

    public static final String ECS_TASKS = "ecs-tasks.amazonaws.com";

    public TrustedRole {
        Objects.requireNonNull(roleArn, "roleArn");
        grants = List.copyOf(grants);
    }

    public static TrustedRole of(String roleArn, Optional<String> account, NamedPolicy trust, boolean ecsTaskRole) {
        return new TrustedRole(roleArn, account, trust, ecsTaskRole, PolicyQuestions.trustGrants(trust));
    }

    /** The account of an IAM role ARN, when the text is one. */
    public static Optional<String> accountOf(String roleArn) {
        String[] parts = roleArn.split(":", 6);
        return parts.length == 6 && parts[4].matches("\\d{12}") ? Optional.of(parts[4]) : Optional.empty();
    }

    public String partition() {
        String[] parts = roleArn.split(":", 3);
        return parts.length == 3 && parts[0].equals("arn") ? parts[1] : "aws";
    }

    public List<TrustGrant> ecsTasksGrants() {
        return grants.stream().filter(g -> g.kind() == PrincipalKind.SERVICE && g.principal().equals(ECS_TASKS))
                .toList();
    }

    public boolean trustsEcsTasks() {
        return !ecsTasksGrants().isEmpty();
    }

    /** A placeholder from an unrendered template (`${account_id}`, `<ACCOUNT_ID>`): not judged as a value. */
    static boolean isPlaceholder(String value) {
        return value.contains("${") || value.contains("<") || value.contains("ACCOUNT_ID");
    }
}
