package dev.ecsiamguard.aws;

import dev.ecsiamguard.aws.RoleCacheTrust.Marker;
import dev.ecsiamguard.core.provision.RoleState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The role reads of one invocation: each role from the {@link RoleCache} when its entry is trusted, else fresh from
 * IAM (GetRole, ListRolePolicies, GetRolePolicy per inline policy, ListAttachedRolePolicies), the fresh read kept
 * for the next invocation. The markers of every role the invocation named are fetched in one request, once.
 * Not thread-safe: one invocation, one thread.
 */
public final class RoleReads {

    private final IamClient iam;
    private final RoleCache cache;
    private final Set<String> named = new LinkedHashSet<>();
    private final Map<String, Marker> markers = new HashMap<>();

    RoleReads(IamClient iam, RoleCache cache, Collection<String> roleNamesOrArns) {
        this.iam = iam;
        this.cache = cache;
        roleNamesOrArns.stream().filter(r -> r != null && !r.isBlank()).map(RoleReads::nameOf)
                .forEach(named::add);
    }

    /** Every role read fresh from IAM, nothing kept. */
    public static RoleReads fresh(IamClient iam) {
        return RoleCache.off().begin(iam, List.of());
    }

    /** The role as IAM has it (within the cache's bounds), or its absence; absence is never cached. */
    public RoleState read(String roleNameOrArn) {
        String name = nameOf(roleNameOrArn);
        if (!cache.enabled()) {
            return fromIam(name);
        }
        Marker marker = marker(name);
        Instant now = cache.now();
        Optional<RoleCache.Entry> entry = RoleCache.cached(name);
        if (entry.isPresent() && RoleCacheTrust.trusted(entry.get().readAt(), now, cache.ttl(), marker)) {
            return named(entry.get().state(), name);
        }
        // Stamped with the time before the read started: a change during the read counts as after it.
        RoleState state = fromIam(name);
        if (state.exists()) {
            RoleCache.keep(state, now);
        } else {
            RoleCache.forget(name);
        }
        return state;
    }

    /** After a write to the role: its next read is fresh. */
    public void forget(String roleName) {
        RoleCache.forget(nameOf(roleName));
    }

    private Marker marker(String name) {
        String key = RoleCache.key(name);
        if (!markers.containsKey(key)) {
            List<String> missing = new ArrayList<>();
            named.stream().filter(n -> !markers.containsKey(RoleCache.key(n))).forEach(missing::add);
            if (missing.stream().noneMatch(n -> RoleCache.key(n).equals(key))) {
                missing.add(name);
            }
            cache.markers().orElseThrow().read(missing).forEach((n, m) -> markers.put(RoleCache.key(n), m));
        }
        return markers.getOrDefault(key, Marker.unknown());
    }

    private RoleState fromIam(String roleName) {
        Role role;
        try {
            role = iam.getRole(r -> r.roleName(roleName)).role();
        } catch (NoSuchEntityException e) {
            return RoleState.absent(roleName);
        }
        Map<String, String> inline = new LinkedHashMap<>();
        for (String policyName : iam.listRolePoliciesPaginator(r -> r.roleName(roleName)).policyNames()) {
            String doc = iam.getRolePolicy(r -> r.roleName(roleName).policyName(policyName)).policyDocument();
            inline.put(policyName, IamDocuments.decode(doc));
        }
        List<String> attached = new ArrayList<>();
        iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roleName)).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn).forEach(attached::add);
        Map<String, String> tags = new TreeMap<>();
        role.tags().forEach(t -> tags.put(t.key(), t.value()));
        Optional<String> boundary = Optional.ofNullable(role.permissionsBoundary())
                .map(b -> b.permissionsBoundaryArn());
        return new RoleState(roleName, true, role.arn(), role.path(),
                IamDocuments.decode(role.assumeRolePolicyDocument()), inline, attached, boundary, tags);
    }

    // IAM names are case-insensitive: a read cached under another spelling answers with the one asked for.
    private static RoleState named(RoleState state, String name) {
        return state.name().equals(name) ? state : new RoleState(name, state.exists(), state.arn(), state.path(),
                state.trustPolicy(), state.inlinePolicies(), state.attachedPolicyArns(), state.boundaryArn(),
                state.tags());
    }

    static String nameOf(String roleNameOrArn) {
        String reference = roleNameOrArn.strip();
        return reference.substring(reference.lastIndexOf('/') + 1);
    }
}
