package dev.ecsiamguard.core.provision;

import dev.ecsiamguard.core.Bounded;
import dev.ecsiamguard.core.Finding;

/** Something found while reconciling that this application reports but does not change. */
public record Note(String resource, String message) {

    public Note {
        resource = Bounded.cut(resource, Finding.MAX_ARN);
        message = Bounded.message(message);
    }
}
