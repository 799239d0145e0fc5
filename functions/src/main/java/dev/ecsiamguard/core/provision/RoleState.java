package dev.ecsiamguard.core.provision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A role as it is in IAM now (documents already decoded to plain JSON), or its absence. */
public record RoleState(String name, boolean exists, String arn, String path, String trustPolicy,
                        Map<String, String> inlinePolicies, List<String> attachedPolicyArns,
                        Optional<String> boundaryArn, Map<String, String> tags) {

    public RoleState {
        inlinePolicies = Map.copyOf(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
        tags = Map.copyOf(tags);
    }

    public static RoleState absent(String name) {
        return new RoleState(name, false, "", "", "", Map.of(), List.of(), Optional.empty(), Map.of());
    }

    public boolean managedByUs() {
        return ServiceBlueprint.MANAGED_BY.equals(tags.get("ManagedBy"));
    }
}
