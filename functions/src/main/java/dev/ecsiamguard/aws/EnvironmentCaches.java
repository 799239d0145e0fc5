package dev.ecsiamguard.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The one place that knows every execution-environment data cache: answers of AWS kept across warm invocations
 * (AWS managed policy documents, the ECS account setting, ...). A cache registers itself when it is created;
 * {@link #clearAll()} empties all of them at once, which is what an environment restored from a SnapStart
 * snapshot must start from (priming's in-memory answers must never answer a real invocation) and what the
 * cold-start benchmark uses to measure a warm invocation "as after a restore". Caches are held weakly, so one
 * that belongs to a discarded object (priming's own handler instance) goes away with it.
 */
public final class EnvironmentCaches {

    /** What a registered cache offers: being emptied, and how many entries it holds. */
    public interface Clearable {
        void clear();

        int size();
    }

    private static final Set<Clearable> REGISTERED = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private EnvironmentCaches() {
    }

    /** Registers a cache (held weakly) and returns it, for use in a field initialiser. */
    public static <C extends Clearable> C register(C cache) {
        REGISTERED.add(cache);
        return cache;
    }

    /** Empties every registered cache; returns how many entries were dropped. */
    public static int clearAll() {
        int dropped = 0;
        for (Clearable cache : snapshot()) {
            dropped += cache.size();
            cache.clear();
        }
        return dropped;
    }

    /** Entries held by all registered caches together. */
    public static int entries() {
        int total = 0;
        for (Clearable cache : snapshot()) {
            total += cache.size();
        }
        return total;
    }

    private static List<Clearable> snapshot() {
        synchronized (REGISTERED) {
            return new ArrayList<>(REGISTERED);
        }
    }
}
