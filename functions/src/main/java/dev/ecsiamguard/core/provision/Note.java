package dev.ecsiamguard.core.provision;

/** Something found while reconciling that this application reports but does not change. */
public record Note(String resource, String message) {
}
