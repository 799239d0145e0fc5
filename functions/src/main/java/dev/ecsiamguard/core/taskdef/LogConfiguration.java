package dev.ecsiamguard.core.taskdef;

import java.util.List;
import java.util.Map;

/** A container's log driver with its options; secret options are fetched by the agent with the execution role. */
public record LogConfiguration(String logDriver, Map<String, String> options,
                               List<ContainerDefinition.Secret> secretOptions) {

    public LogConfiguration {
        options = Map.copyOf(options);
        secretOptions = List.copyOf(secretOptions);
    }

    /** The option's value, or {@code null} when the option is absent. */
    public String option(String key) {
        return options.get(key);
    }

    public boolean isDriver(String driver) {
        return logDriver != null && logDriver.equalsIgnoreCase(driver);
    }
}
