package dev.ecsiamguard.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a cached role read may stand in for a fresh one. Pure: the cache, IAM and the marker table stay outside.
 * A read is trusted only while it is younger than the cache's time to live and when the role's change marker is
 * known and lies well before it: a change at or after {@code readAt - skew} (IAM's propagation, clocks that
 * disagree, CloudTrail's one-second event times) may not be in the read, so the role is read again.
 */
public final class RoleCacheTrust {

    /** How far before a read a recorded change still makes that read suspect. */
    public static final Duration SKEW = Duration.ofSeconds(30);

    /** What the marker table says about one role: unknown (unreadable), no change recorded, or its last change. */
    public record Marker(boolean known, Optional<Instant> changedAt) {

        public static Marker unknown() {
            return new Marker(false, Optional.empty());
        }

        public static Marker none() {
            return new Marker(true, Optional.empty());
        }

        public static Marker at(Instant changedAt) {
            return new Marker(true, Optional.of(changedAt));
        }
    }

    private RoleCacheTrust() {
    }

    public static boolean trusted(Instant readAt, Instant now, Duration ttl, Marker marker) {
        if (!marker.known() || ttl.isZero() || ttl.isNegative()) {
            return false;
        }
        // A read "from the future" (clock stepped back) is not trusted either.
        if (readAt.isAfter(now) || !now.isBefore(readAt.plus(ttl))) {
            return false;
        }
        return marker.changedAt().map(changed -> changed.isBefore(readAt.minus(SKEW))).orElse(true);
    }
}
