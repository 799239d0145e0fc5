package dev.ecsiamguard.core.spec;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where service specs live. Writes are conditional on the version read, so concurrent writers never lose each
 * other's update: the loser re-reads, re-applies its change and tries again.
 */
public interface ServiceSpecStore {

    int MAX_ATTEMPTS = 8;

    /** The stored spec, or empty when none exists. */
    Optional<ServiceSpec> read(String id);

    /**
     * Stores {@code spec} if the stored version is still {@code spec.version()} (0: none stored yet) and returns
     * it with its new version; returns empty when another writer got there first.
     */
    Optional<ServiceSpec> writeIfUnchanged(ServiceSpec spec);

    /**
     * Applies {@code change} to the current spec (or to {@code initial}'s when none is stored) and stores the result,
     * retrying on a lost race. Writes nothing when the change leaves the spec as it is.
     */
    default ServiceSpec update(String id, Supplier<ServiceSpec> initial, UnaryOperator<ServiceSpec> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ServiceSpec current = read(id).orElseGet(initial);
            ServiceSpec next = change.apply(current);
            if (current.stored() && next.sameContent(current)) {
                return current;
            }
            Optional<ServiceSpec> written = writeIfUnchanged(next.withVersion(current.version()));
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new SpecConflictException("the spec `" + id + "` changed under every one of " + MAX_ATTEMPTS
                + " attempts to update it; the event will be retried");
    }
}
