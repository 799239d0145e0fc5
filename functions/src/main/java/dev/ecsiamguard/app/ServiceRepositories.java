package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.EcrRepositories;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.ServiceIdentity;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the ECR repository a service name was derived from, so an API call that names only the service scopes
 * the execution role to the same repository the repository event did.
 */
public final class ServiceRepositories {

    private final ProvisioningConfig config;
    private final EcrRepositories repositories;

    public ServiceRepositories(ProvisioningConfig config, EcrRepositories repositories) {
        this.config = config;
        this.repositories = repositories;
    }

    /** The repository whose name maps to the service; a repository named exactly like the service wins. */
    public Optional<String> find(String service, String account) {
        return repositories.names(account).stream()
                .filter(name -> service.equals(serviceOf(name)))
                .min(Comparator.comparing((String name) -> !name.equals(service)).thenComparing(name -> name));
    }

    public Optional<Map<String, String>> tags(AccountScope scope, String repository) {
        return repositories.tags(scope, repository);
    }

    /** The service a repository name maps to, or null when it cannot map to one. */
    public String serviceOf(String repository) {
        try {
            return ServiceIdentity.forRepository(repository, config).service();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
