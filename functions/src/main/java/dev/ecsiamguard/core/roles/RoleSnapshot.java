package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A role as validators see it, whatever it came from (the IAM API, a saved `get-account-authorization-details`,
 * a file): trust policy, inline and managed permission policies with their documents, boundary, tags.
 */
public record RoleSnapshot(String arn, String name, String path, NamedPolicy trustPolicy,
                           List<NamedPolicy> inlinePolicies, List<NamedPolicy> managedPolicies,
                           Optional<NamedPolicy> boundary, Map<String, String> tags) {

    public RoleSnapshot {
        inlinePolicies = List.copyOf(inlinePolicies);
        managedPolicies = List.copyOf(managedPolicies);
        tags = Map.copyOf(tags);
    }

    /** The 12-digit account in the role's ARN (`arn:aws:iam::123456789012:role/...`). */
    public String accountId() {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 ? parts[4] : "";
    }

    /** Identity policies: inline first, then managed. */
    public List<NamedPolicy> permissionPolicies() {
        List<NamedPolicy> all = new ArrayList<>(inlinePolicies);
        all.addAll(managedPolicies);
        return all;
    }

    /** An evaluator over this role's permissions and boundary; build once per role and reuse it. */
    public PolicyEvaluator evaluator() {
        return new PolicyEvaluator(permissionPolicies(), boundary.orElse(null));
    }
}
