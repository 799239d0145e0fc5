package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.provision.RoleState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The execution environment's role reads (what {@link IamRoles} and {@link AccountRoleLookup} both derive from),
 * kept between warm invocations for at most {@code ROLE_CACHE_SECONDS} and trusted only while the role's change
 * marker ({@link DynamoDbRoleChangeMarkers}, table {@code ROLE_USAGE_TABLE}) shows no change since the read
 * ({@link RoleCacheTrust}). Without a marker table, or with 0 seconds, every role is read fresh. An instance holds
 * one function's settings; the entries are shared by all of them and bounded (least recently used dropped).
 */
public final class RoleCache {

    /** The largest accepted ROLE_CACHE_SECONDS (the template's MaxValue). */
    public static final int MAX_SECONDS = 3600;
    static final int MAX_ROLES = 512;

    /** One raw read of a role that exists, and when it was read. */
    record Entry(RoleState state, Instant readAt) {
    }

    // Entries never outlive the largest time to live; each function's own, shorter one is applied on lookup.
    private static final ExpiringCache<String, Entry> ENTRIES = EnvironmentCaches.register(new ExpiringCache<>(
            MAX_ROLES, Duration.ofSeconds(MAX_SECONDS), Clock.systemUTC()));

    private final Duration ttl;
    private final Optional<RoleChangeMarkers> markers;
    private final Clock clock;

    public RoleCache(Duration ttl, Optional<RoleChangeMarkers> markers, Clock clock) {
        this.ttl = ttl;
        this.markers = markers;
        this.clock = clock;
    }

    /** Every role read fresh, as the sweep and the command line do. */
    public static RoleCache off() {
        return new RoleCache(Duration.ZERO, Optional.empty(), Clock.systemUTC());
    }

    /** {@code ROLE_CACHE_SECONDS} (default 300) with the markers of {@code ROLE_USAGE_TABLE} (none: off). */
    public static RoleCache fromEnvironment(Map<String, String> env, AwsClients clients) {
        String text = env.getOrDefault("ROLE_CACHE_SECONDS", "").strip();
        int seconds;
        try {
            seconds = text.isEmpty() ? 300 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("ROLE_CACHE_SECONDS is `" + text + "`: expected 0 to " + MAX_SECONDS
                    + " seconds");
        }
        String table = env.getOrDefault("ROLE_USAGE_TABLE", "").strip();
        if (seconds == 0 || table.isEmpty()) {
            return off();
        }
        return new RoleCache(Duration.ofSeconds(seconds), Optional.of(new DynamoDbRoleChangeMarkers(
                clients.dynamoDb(), table)), Clock.systemUTC());
    }

    public boolean enabled() {
        return markers.isPresent() && !ttl.isZero();
    }

    /**
     * The reads of one invocation: the markers of {@code roleNames} (names or ARNs; more may be read later) are
     * fetched together, once, on the first read.
     */
    public RoleReads begin(IamClient iam, Collection<String> roleNames) {
        return new RoleReads(iam, this, roleNames);
    }

    Duration ttl() {
        return ttl;
    }

    Optional<RoleChangeMarkers> markers() {
        return markers;
    }

    Instant now() {
        return clock.instant();
    }

    static Optional<Entry> cached(String roleName) {
        return ENTRIES.get(key(roleName));
    }

    static void keep(RoleState state, Instant readAt) {
        ENTRIES.put(key(state.name()), new Entry(state, readAt));
    }

    /** Forgets one role's read in this environment (after a write to it, or when a change was recorded). */
    public static void forget(String roleName) {
        ENTRIES.remove(key(roleName));
    }

    /** Forgets every read (after SnapStart priming; between tests). */
    public static void clear() {
        ENTRIES.clear();
    }

    /** How many role reads this execution environment holds. */
    public static int size() {
        return ENTRIES.size();
    }

    static String key(String roleName) {
        return roleName.toLowerCase(Locale.ROOT);
    }
}
