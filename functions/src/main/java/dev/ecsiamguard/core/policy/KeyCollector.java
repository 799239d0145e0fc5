package dev.ecsiamguard.core.policy;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** Gathers the context keys a decision needed but did not get; allocates only when one is missing. */
final class KeyCollector {

    private Set<String> keys;

    void add(String key) {
        if (keys == null) {
            keys = new LinkedHashSet<>();
        }
        keys.add(key);
    }

    void addAll(KeyCollector other) {
        if (other.keys != null) {
            other.keys.forEach(this::add);
        }
    }

    boolean isEmpty() {
        return keys == null;
    }

    Set<String> keys() {
        return keys == null ? Set.of() : Collections.unmodifiableSet(keys);
    }
}
