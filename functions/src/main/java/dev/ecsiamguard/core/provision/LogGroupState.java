package dev.ecsiamguard.core.provision;

import java.util.Map;
import java.util.Optional;

/** A log group as it is now, or its absence. */
public record LogGroupState(String name, boolean exists, String arn, Optional<Integer> retentionDays,
                            Map<String, String> tags) {

    public LogGroupState {
        tags = Map.copyOf(tags);
    }

    public static LogGroupState absent(String name) {
        return new LogGroupState(name, false, "", Optional.empty(), Map.of());
    }

    public boolean managedByUs() {
        return ServiceBlueprint.MANAGED_BY.equals(tags.get("ManagedBy"));
    }
}
