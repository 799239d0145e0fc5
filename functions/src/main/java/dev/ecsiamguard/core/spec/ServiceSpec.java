package dev.ecsiamguard.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one declared desired state of a service's role pair, shared by every stack (region, environment) and every
 * entry point (repository event, API, re-runs). The roles are computed from this record alone.
 *
 * <p>{@code id} is the execution role's name: IAM names are unique per account, so one role pair has one spec.
 * {@code regions} maps each region the service runs in to its ECR repository there (its regional facet).
 * Capabilities are kept as the declaration strings users wrote (`exec`, `xray`, ...), never interpreted here.
 * {@code executionGrants} are ARNs a later remediation granted to the execution role; nothing reverts them.
 * {@code announced} is, per region, the digest of what was last published, so a lost notification is retried.
 * {@code version} is the store's optimistic-locking counter: 0 for a spec not yet stored.
 */
public record ServiceSpec(String id, String service, String environment, List<String> capabilities,
                          List<String> secretsManagerPrefixes, List<String> ssmParameterPrefixes,
                          SortedMap<String, String> regions, List<String> executionGrants,
                          SortedMap<String, String> announced, long version) {

    public ServiceSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        capabilities = sortedUnique(capabilities);
        secretsManagerPrefixes = sortedUnique(secretsManagerPrefixes);
        ssmParameterPrefixes = sortedUnique(ssmParameterPrefixes);
        executionGrants = sortedUnique(executionGrants);
        regions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(regions));
        announced = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(announced));
    }

    /** A spec not yet stored: no region, nothing declared. */
    public static ServiceSpec empty(String id, String service, String environment) {
        return new ServiceSpec(id, service, environment, List.of(), List.of(), List.of(), new TreeMap<>(),
                List.of(), new TreeMap<>(), 0);
    }

    public boolean stored() {
        return version > 0;
    }

    /** Adds (or keeps) the facet of one region; never removes another region's. */
    public ServiceSpec withRegion(String region, String repository) {
        SortedMap<String, String> next = new TreeMap<>(regions);
        next.put(region, repository);
        return copy(capabilities, secretsManagerPrefixes, ssmParameterPrefixes, next, executionGrants, announced);
    }

    /** Adds capabilities to those declared (what a repository tag names); never removes one. */
    public ServiceSpec withCapabilitiesAdded(List<String> added) {
        List<String> all = new ArrayList<>(capabilities);
        all.addAll(added);
        return withCapabilities(all);
    }

    /** Declares exactly these capabilities (what an API request names). */
    public ServiceSpec withCapabilities(List<String> declared) {
        return copy(declared, secretsManagerPrefixes, ssmParameterPrefixes, regions, executionGrants, announced);
    }

    public ServiceSpec withSecretsManagerPrefixes(List<String> prefixes) {
        return copy(capabilities, prefixes, ssmParameterPrefixes, regions, executionGrants, announced);
    }

    public ServiceSpec withSsmParameterPrefixes(List<String> prefixes) {
        return copy(capabilities, secretsManagerPrefixes, prefixes, regions, executionGrants, announced);
    }

    /** Records an ARN granted to the execution role (by a remediation); grants are only ever added. */
    public ServiceSpec withExecutionGrant(String arn) {
        List<String> all = new ArrayList<>(executionGrants);
        all.add(arn);
        return copy(capabilities, secretsManagerPrefixes, ssmParameterPrefixes, regions, all, announced);
    }

    public ServiceSpec withAnnounced(String region, String digest) {
        SortedMap<String, String> next = new TreeMap<>(announced);
        next.put(region, digest);
        return copy(capabilities, secretsManagerPrefixes, ssmParameterPrefixes, regions, executionGrants, next);
    }

    /** The same spec as the store holds it after a successful write. */
    public ServiceSpec withVersion(long next) {
        return new ServiceSpec(id, service, environment, capabilities, secretsManagerPrefixes, ssmParameterPrefixes,
                regions, executionGrants, announced, next);
    }

    /** True when both declare the same desired state (what was announced, and the version, do not count). */
    public boolean sameDeclaration(ServiceSpec other) {
        return id.equals(other.id) && service.equals(other.service) && environment.equals(other.environment)
                && capabilities.equals(other.capabilities)
                && secretsManagerPrefixes.equals(other.secretsManagerPrefixes)
                && ssmParameterPrefixes.equals(other.ssmParameterPrefixes) && regions.equals(other.regions)
                && executionGrants.equals(other.executionGrants);
    }

    /** True when a write would change nothing the store holds. */
    public boolean sameContent(ServiceSpec other) {
        return sameDeclaration(other) && announced.equals(other.announced);
    }

    private ServiceSpec copy(List<String> caps, List<String> secrets, List<String> parameters,
                             Map<String, String> regionMap, List<String> grants, Map<String, String> announcedMap) {
        return new ServiceSpec(id, service, environment, caps, secrets, parameters, new TreeMap<>(regionMap),
                grants, new TreeMap<>(announcedMap), version);
    }

    // Sorted and de-duplicated, so two stacks that declare the same set store and compute the same documents.
    private static List<String> sortedUnique(List<String> values) {
        TreeSet<String> set = new TreeSet<>();
        for (String v : values) {
            String trimmed = Objects.requireNonNull(v, "value").trim();
            if (!trimmed.isEmpty()) {
                set.add(trimmed);
            }
        }
        return List.copyOf(set);
    }
}
