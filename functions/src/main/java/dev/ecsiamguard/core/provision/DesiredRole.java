package dev.ecsiamguard.core.provision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A role as this application wants it: trust, inline and managed policies, boundary and tags. */
public record DesiredRole(String name, String path, String description, String trustPolicy,
                          Map<String, String> inlinePolicies, List<String> managedPolicyArns,
                          Optional<String> boundaryArn, Map<String, String> tags) {

    public DesiredRole {
        inlinePolicies = Map.copyOf(inlinePolicies);
        managedPolicyArns = List.copyOf(managedPolicyArns);
        tags = Map.copyOf(tags);
    }
}
