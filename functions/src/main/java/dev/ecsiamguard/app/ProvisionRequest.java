package dev.ecsiamguard.app;

import dev.ecsiamguard.core.provision.TaskRoleCapability;
import java.util.Optional;
import java.util.Set;

/**
 * What to provision for one service, whoever asks (the repository event or the API), so both feed the same
 * reconciliation. Empty prefixes mean "use the configured ones".
 */
public record ProvisionRequest(String service, String repositoryName, String account, String region,
                               Set<TaskRoleCapability> capabilities, Optional<String> secretsManagerPrefix,
                               Optional<String> ssmParameterPrefix) {

    public ProvisionRequest {
        capabilities = Set.copyOf(capabilities);
    }
}
