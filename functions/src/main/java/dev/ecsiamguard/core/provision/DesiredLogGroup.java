package dev.ecsiamguard.core.provision;

import java.util.Map;

/** The service's CloudWatch Logs group with its retention period and tags. */
public record DesiredLogGroup(String name, int retentionDays, Map<String, String> tags) {

    public DesiredLogGroup {
        tags = Map.copyOf(tags);
    }
}
