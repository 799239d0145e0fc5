package dev.ecsiamguard.app;

import java.util.List;
import java.util.Optional;

/**
 * What one entry point asks of a service's spec (the repository event, the API), before the same reconciliation.
 * Capabilities are declaration strings: when {@code declaresCapabilities} they replace the spec's (the API
 * declares the full set), otherwise they are added to it (a repository tag never removes what the API declared).
 * Present prefixes replace the spec's; empty ones keep it.
 */
public record ProvisionRequest(String service, String repositoryName, String account, String region,
                               List<String> capabilities, boolean declaresCapabilities,
                               Optional<String> secretsManagerPrefix, Optional<String> ssmParameterPrefix) {

    public ProvisionRequest {
        capabilities = List.copyOf(capabilities);
    }
}
