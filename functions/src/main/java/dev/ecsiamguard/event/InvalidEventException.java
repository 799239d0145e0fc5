package dev.ecsiamguard.event;

/** An event or request this application cannot act on; the message says which field and why. */
public final class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
