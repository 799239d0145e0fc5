package dev.ecsiamguard.core.provision.capability;

import java.util.List;

/**
 * What a service's capabilities may reach: its own account and regions, and its own secret names.
 *
 * @param secretsPrefix the service's Secrets Manager name prefix, expanded (e.g. {@code dev/payments-api/})
 * @param parameterPath the service's SSM parameter path, expanded, with a leading slash (e.g.
 *                      {@code /dev/payments-api/})
 */
public record CapabilityScope(String service, String partition, String account, List<String> regions,
                              String secretsPrefix, String parameterPath) {

    public CapabilityScope {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("a capability scope needs at least one region");
        }
        parameterPath = parameterPath.startsWith("/") ? parameterPath : "/" + parameterPath;
    }

    String arn(String service, String region, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    /** The same resource in each of the service's regions. */
    List<String> arns(String service, String resource) {
        return regions.stream().map(r -> arn(service, r, resource)).toList();
    }
}
