package dev.ecsiamguard.app;

import dev.ecsiamguard.core.provision.capability.CapabilityDeclaration;
import java.util.List;
import java.util.Optional;

/**
 * What to provision for one service, whoever asks (the repository event or the API), so both feed the same
 * reconciliation. Empty prefixes mean "use the configured ones".
 */
public record ProvisionRequest(String service, String repositoryName, String account, String region,
                               List<CapabilityDeclaration> capabilities, Optional<String> secretsManagerPrefix,
                               Optional<String> ssmParameterPrefix) {

    public ProvisionRequest {
        capabilities = List.copyOf(capabilities);
    }
}
