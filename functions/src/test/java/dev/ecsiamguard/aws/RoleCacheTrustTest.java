package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.aws.RoleCacheTrust.Marker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a cached role read may answer: time to live, the skew margin, the marker. */
class RoleCacheTrustTest {

    private static final Instant READ = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(300);

    @Test
    void withinTheTimeToLive_andNoChangeRecorded_isTrusted() {
        assertThat(RoleCacheTrust.trusted(READ, READ, TTL, Marker.none())).isTrue();
        assertThat(RoleCacheTrust.trusted(READ, READ.plusSeconds(299), TTL, Marker.none())).isTrue();
    }

    @Test
    void atOrPastTheTimeToLive_isNotTrusted() {
        assertThat(RoleCacheTrust.trusted(READ, READ.plusSeconds(300), TTL, Marker.none())).isFalse();
        assertThat(RoleCacheTrust.trusted(READ, READ.plusSeconds(301), TTL, Marker.none())).isFalse();
    }

    @Test
    void aZeroTimeToLive_trustsNothing() {
        assertThat(RoleCacheTrust.trusted(READ, READ, Duration.ZERO, Marker.none())).isFalse();
    }

    @Test
    void aChangeWithinTheSkewBeforeTheRead_orAfterIt_isNotTrusted() {
        Instant now = READ.plusSeconds(10);
        assertThat(RoleCacheTrust.trusted(READ, now, TTL, Marker.at(READ.minus(RoleCacheTrust.SKEW)))).isFalse();
        assertThat(RoleCacheTrust.trusted(READ, now, TTL, Marker.at(READ.minusSeconds(1)))).isFalse();
        assertThat(RoleCacheTrust.trusted(READ, now, TTL, Marker.at(READ.plusSeconds(5)))).isFalse();
    }

    @Test
    void aChangeWellBeforeTheRead_isTrusted() {
        Instant before = READ.minus(RoleCacheTrust.SKEW).minusMillis(1);
        assertThat(RoleCacheTrust.trusted(READ, READ.plusSeconds(10), TTL, Marker.at(before))).isTrue();
    }

    @Test
    void anUnknownMarker_isNeverTrusted() {
        assertThat(RoleCacheTrust.trusted(READ, READ, TTL, Marker.unknown())).isFalse();
    }

    @Test
    void aReadStampedLaterThanNow_isNotTrusted() {
        assertThat(RoleCacheTrust.trusted(READ, READ.minusSeconds(1), TTL, Marker.none())).isFalse();
    }
}
