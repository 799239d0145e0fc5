package dev.ecsiamguard.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers that are the same for every invocation of an execution environment and change rarely (AWS managed
 * policies, ECS account settings), kept for a bounded time and up to a bounded number of entries, so a warm
 * environment does not ask again on every event yet sees a change within {@code maxAge}. Thread-safe.
 */
public final class ExpiringCache<K, V> implements EnvironmentCaches.Clearable {

    private record Entry<V>(V value, Instant expires) {
    }

    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    // Access order: the least recently used entry is the one dropped when the cache is full.
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

    public ExpiringCache(int maxEntries, Duration maxAge, Clock clock) {
        if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("a cache needs at least one entry and a positive age, not "
                    + maxEntries + " and " + maxAge);
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The cached value while it is younger than the bound, else none (and it is forgotten). */
    public synchronized Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    public synchronized void put(K key, V value) {
        entries.put(key, new Entry<>(value, clock.instant().plus(maxAge)));
        while (entries.size() > maxEntries) {
            K eldest = entries.keySet().iterator().next();
            entries.remove(eldest);
        }
    }

    /**
     * The cached value, or the loader's (cached only when {@code keep} accepts it). Loads outside the lock: two
     * threads missing at once both load, and the later answer stays.
     */
    public V get(K key, Supplier<V> loader, java.util.function.Predicate<V> keep) {
        Optional<V> cached = get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        V loaded = loader.get();
        if (keep.test(loaded)) {
            put(key, loaded);
        }
        return loaded;
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }

    @Override
    public synchronized void clear() {
        entries.clear();
    }

    @Override
    public synchronized int size() {
        return entries.size();
    }
}
