package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.policy.NamedPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One role's parsed documents, wherever they came from (the IAM API, a saved file, a bare policy file), so the
 * function and the command line run the same checks on the same shape.
 *
 * @param arn the role ARN, or the file name for a bare policy (findings point at it)
 * @param account the role's account; empty when unknown (a bare policy file)
 * @param trust the trust policy; empty for a bare permission policy
 * @param permissions inline and managed permission policies; empty when not known (`aws iam get-role` output)
 * @param ecsRole whether ECS tasks are meant to assume the role (task or execution role)
 */
public record RoleDocuments(String arn, Optional<String> account, Optional<NamedPolicy> trust,
                            Optional<List<NamedPolicy>> permissions, Optional<NamedPolicy> boundary,
                            Map<String, String> tags, boolean ecsRole) {

    public RoleDocuments {
        permissions = permissions.map(List::copyOf);
        tags = Map.copyOf(tags);
    }

    /** The partition of the ARN, {@code aws} when the subject is not an ARN. */
    public String partition() {
        String[] parts = arn.split(":", 3);
        return parts.length == 3 && parts[0].equals("arn") ? parts[1] : "aws";
    }

    /** The role name: the ARN's last path segment, or the subject itself. */
    public String name() {
        int slash = arn.lastIndexOf('/');
        return arn.startsWith("arn:") && slash >= 0 ? arn.substring(slash + 1) : arn;
    }
}
