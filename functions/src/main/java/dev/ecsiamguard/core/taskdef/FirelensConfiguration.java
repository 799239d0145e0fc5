package dev.ecsiamguard.core.taskdef;

import java.util.Map;

/** The FireLens log router settings of a container: its type (fluentd, fluentbit) and options. */
public record FirelensConfiguration(String type, Map<String, String> options) {

    public FirelensConfiguration {
        options = Map.copyOf(options);
    }
}
