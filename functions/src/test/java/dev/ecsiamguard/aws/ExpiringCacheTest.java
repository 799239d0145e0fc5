package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void get_withinTheAge_loadsOnce_andAfterIt_loadsAgain() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(4, Duration.ofMinutes(5), clock);

        assertThat(cache.get("k", this::load, v -> true)).isEqualTo("value 1");
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(cache.get("k", this::load, v -> true)).isEqualTo("value 1");
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(cache.get("k", this::load, v -> true)).isEqualTo("value 2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void get_whenTheAnswerIsNotToBeKept_asksEveryTime() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(4, Duration.ofMinutes(5), clock);

        cache.get("k", this::load, v -> false);
        cache.get("k", this::load, v -> false);

        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void put_beyondTheBound_dropsTheLeastRecentlyUsed() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(2, Duration.ofHours(1), clock);
        cache.put("a", "A");
        cache.put("b", "B");
        cache.get("a");

        cache.put("c", "C");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a")).contains("A");
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("c")).contains("C");
    }

    @Test
    void new_withoutRoomOrAge_isRefused() {
        assertThatThrownBy(() -> new ExpiringCache<String, String>(0, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpiringCache<String, String>(1, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String load() {
        return "value " + loads.incrementAndGet();
    }
}
