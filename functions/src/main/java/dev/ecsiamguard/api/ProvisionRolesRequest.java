package dev.ecsiamguard.api;

import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.ServiceIdentity;
import dev.ecsiamguard.core.provision.capability.CapabilityDeclaration;
import dev.ecsiamguard.core.provision.capability.CapabilityException;
import dev.ecsiamguard.core.provision.capability.TaskRoleCapabilities;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * `POST /services/{service}/roles`, validated: the service, optionally its repository, the task role's opt-in
 * capabilities (absent: the repository's tag decides, as for the repository event) and secret prefixes.
 */
public record ProvisionRolesRequest(String service, Optional<String> repository,
                                    Optional<List<CapabilityDeclaration>> capabilities,
                                    Optional<String> secretsManagerPrefix, Optional<String> ssmParameterPrefix) {

    static final Set<String> FIELDS = Set.of("repository", "capabilities", "secretsManagerPrefix",
            "ssmParameterPrefix");
    private static final Pattern SECRET_PREFIX = Pattern.compile("[A-Za-z0-9/_+=.@{}-]{1,256}");
    private static final Pattern PARAMETER_PREFIX = Pattern.compile("/?[A-Za-z0-9/_.{}-]{1,256}");

    public static ProvisionRolesRequest parse(String servicePath, String body, ProvisioningConfig config) {
        String service = ServiceNames.require(servicePath, "service", config);
        JsonBody json = JsonBody.parse(body, true, FIELDS);
        Optional<String> repository = json.string("repository").map(r -> repository(r, service, config));
        Optional<List<CapabilityDeclaration>> capabilities = json.strings("capabilities")
                .map(ProvisionRolesRequest::parse);
        Optional<String> secrets = json.string("secretsManagerPrefix")
                .map(p -> prefix("secretsManagerPrefix", p, SECRET_PREFIX, service));
        Optional<String> parameters = json.string("ssmParameterPrefix")
                .map(p -> prefix("ssmParameterPrefix", p, PARAMETER_PREFIX, service));
        return new ProvisionRolesRequest(service, repository, capabilities, secrets, parameters);
    }

    private static String repository(String name, String service, ProvisioningConfig config) {
        ServiceIdentity identity;
        try {
            identity = ServiceIdentity.forRepository(name, config);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("repository", e.getMessage());
        }
        if (!identity.service().equals(service)) {
            throw ApiException.invalid("repository", "repository `" + name + "` belongs to service `"
                    + identity.service() + "`, not `" + service + "`");
        }
        return name;
    }

    private static List<CapabilityDeclaration> parse(List<String> declarations) {
        try {
            return TaskRoleCapabilities.fromList(declarations, "capabilities");
        } catch (CapabilityException e) {
            throw ApiException.invalid(e.field(), e.problem());
        }
    }

    // A caller may scope the execution role's secret access, but only to names of this service: the prefix must
    // name it (literally or as `{service}`), so one service's role cannot be pointed at another's secrets.
    private static String prefix(String field, String value, Pattern allowed, String service) {
        if (!allowed.matcher(value).matches()) {
            throw ApiException.invalid(field, "`" + value + "` must match " + allowed.pattern()
                    + " (no wildcards)");
        }
        if (!value.contains("{service}") && !value.contains(service)) {
            throw ApiException.invalid(field, "`" + value + "` must contain `{service}` or `" + service + "`");
        }
        return value;
    }
}
