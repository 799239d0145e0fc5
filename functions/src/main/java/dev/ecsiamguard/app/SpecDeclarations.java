package dev.ecsiamguard.app;

import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.RoleState;
import dev.ecsiamguard.core.provision.ServiceIdentity;
import dev.ecsiamguard.core.spec.LegacyRoles;
import dev.ecsiamguard.core.spec.ServiceSpec;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How a request changes a service's spec, and what a new spec starts from: the stack's configured prefixes, plus
 * whatever roles written by an earlier version already grant (so upgrading never takes access away).
 */
final class SpecDeclarations {

    private final ProvisioningConfig config;

    SpecDeclarations(ProvisioningConfig config) {
        this.config = config;
    }

    /** The spec a service starts with when none is stored yet. */
    ServiceSpec initial(ServiceIdentity identity, RoleState executionRole, RoleState taskRole) {
        ServiceSpec seed = ServiceSpec.empty(identity.executionRoleName(), identity.service(), config.environment())
                .withSecretsManagerPrefixes(expanded(config.secretsManagerPrefix().stream().toList(), identity))
                .withSsmParameterPrefixes(expanded(config.ssmParameterPrefix().stream().toList(), identity));
        return LegacyRoles.adopt(seed, executionRole, taskRole);
    }

    /** The change one request makes; a spec owned by another environment is left exactly as it is. */
    UnaryOperator<ServiceSpec> change(ProvisionRequest request, ServiceIdentity identity) {
        return spec -> {
            if (!spec.environment().equals(config.environment())) {
                return spec;
            }
            ServiceSpec next = spec.withRegion(request.region(), request.repositoryName());
            next = request.declaresCapabilities() ? next.withCapabilities(request.capabilities())
                    : next.withCapabilitiesAdded(request.capabilities());
            if (request.secretsManagerPrefix().isPresent()) {
                next = next.withSecretsManagerPrefixes(expanded(request.secretsManagerPrefix().stream().toList(),
                        identity));
            }
            if (request.ssmParameterPrefix().isPresent()) {
                next = next.withSsmParameterPrefixes(expanded(request.ssmParameterPrefix().stream().toList(),
                        identity));
            }
            return next;
        };
    }

    private List<String> expanded(List<String> prefixes, ServiceIdentity identity) {
        return prefixes.stream().map(p -> config.expand(p, identity.service())).toList();
    }
}
