package dev.ecsiamguard.core.provision.capability;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a declared name or ARN into ARNs of the service's account and regions, rejecting anything that points
 * elsewhere with a message naming the field. Names become one ARN per region of the service.
 */
final class ResourceNames {

    private static final Pattern ARN = Pattern.compile("arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]*):(\\d{12}|):(.+)");

    private ResourceNames() {
    }

    /**
     * ARNs for {@code value}: an ARN of {@code service} whose resource part matches {@code resource} (type prefix
     * included, e.g. {@code table/NAME}), or a bare name matching {@code name}, placed as {@code typePrefix + name}.
     */
    static List<String> resolve(CapabilityDeclaration d, CapabilityScope scope, String service, String typePrefix,
                                Pattern name, String what, String value) {
        Matcher arn = ARN.matcher(value);
        if (value.startsWith("arn:")) {
            if (!arn.matches() || !arn.group(2).equals(service)) {
                throw fail(d, "`" + value + "` is not an ARN of " + what + " (service `" + service + "`)");
            }
            requireOwn(d, scope, value, arn.group(1), arn.group(3), arn.group(4));
            String resource = arn.group(5);
            if (!resource.startsWith(typePrefix) || !name.matcher(resource.substring(typePrefix.length())).matches()) {
                throw fail(d, "`" + value + "` is not an ARN of " + what);
            }
            return List.of(value);
        }
        if (!name.matcher(value).matches()) {
            throw fail(d, "`" + value + "` is not a valid name of " + what);
        }
        return scope.arns(service, typePrefix + value);
    }

    /** The resource must be in the stack's partition and account and one of the service's regions. */
    static void requireOwn(CapabilityDeclaration d, CapabilityScope scope, String value, String partition,
                           String region, String account) {
        if (!partition.equals(scope.partition())) {
            throw fail(d, "`" + value + "` is in partition " + partition + ", not " + scope.partition());
        }
        if (!account.equals(scope.account())) {
            throw fail(d, "`" + value + "` is in account " + (account.isEmpty() ? "(none)" : account)
                    + ", not this stack's account " + scope.account());
        }
        if (!scope.regions().contains(region)) {
            throw fail(d, "`" + value + "` is in region " + (region.isEmpty() ? "(none)" : region)
                    + ", not one of the service's regions " + scope.regions());
        }
    }

    static CapabilityException fail(CapabilityDeclaration d, String message) {
        return new CapabilityException(d.field(), message);
    }
}
