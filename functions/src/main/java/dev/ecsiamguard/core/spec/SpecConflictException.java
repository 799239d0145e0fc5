package dev.ecsiamguard.core.spec;

/** Too many concurrent writers to one spec; thrown so the event is retried (it is not the input's fault). */
public final class SpecConflictException extends RuntimeException {

    public SpecConflictException(String message) {
        super(message);
    }
}
