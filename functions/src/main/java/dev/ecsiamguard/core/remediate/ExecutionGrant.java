package dev.ecsiamguard.core.remediate;

import java.util.List;

/** One permission remediation added to a managed execution role: exact actions on one exact resource. */
public record ExecutionGrant(List<String> actions, String resource) {

    public ExecutionGrant {
        actions = List.copyOf(actions);
        if (actions.isEmpty() || resource.isBlank()) {
            throw new IllegalArgumentException("a grant needs actions and a resource");
        }
    }
}
