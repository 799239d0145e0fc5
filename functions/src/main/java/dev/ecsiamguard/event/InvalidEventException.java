package dev.ecsiamguard.event;

import dev.ecsiamguard.core.Bounded;

/** An event or request this application cannot act on; the message says which field and why,
 * with every quoted value cut to a bounded length. */
public final class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(Bounded.message(message));
    }
}
