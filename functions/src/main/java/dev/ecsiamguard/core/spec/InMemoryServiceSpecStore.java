package dev.ecsiamguard.core.spec;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A store in memory with the same conditional-write contract as the table, for tests without AWS. */
public final class InMemoryServiceSpecStore implements ServiceSpecStore {

    private final ConcurrentMap<String, ServiceSpec> specs = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public Optional<ServiceSpec> read(String id) {
        return Optional.ofNullable(specs.get(id));
    }

    @Override
    public Optional<ServiceSpec> writeIfUnchanged(ServiceSpec spec) {
        ServiceSpec next = spec.withVersion(spec.version() + 1);
        boolean won;
        if (spec.version() == 0) {
            won = specs.putIfAbsent(spec.id(), next) == null;
        } else {
            ServiceSpec current = specs.get(spec.id());
            won = current != null && current.version() == spec.version() && specs.replace(spec.id(), current, next);
        }
        if (won) {
            writes.incrementAndGet();
        }
        return won ? Optional.of(next) : Optional.empty();
    }

    /** Successful writes so far. */
    public int writes() {
        return writes.get();
    }
}
