package dev.ecsiamguard.core.provision.capability;

import java.util.Locale;

/** How a capability uses its resources, spelled in declarations as the suffix after the capability's name. */
public enum Access {
    READ, WRITE, READ_WRITE, SEND, CONSUME, PUBLISH;

    /** The spelling in a declaration: {@code read}, {@code read-write}, ... */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The access a spelling names, or null when there is none. */
    static Access named(String text) {
        for (Access access : values()) {
            if (access.spelling().equals(text)) {
                return access;
            }
        }
        return null;
    }

    /** For statement ids: {@code ReadWrite}. */
    String sidPart() {
        StringBuilder sid = new StringBuilder();
        for (String word : spelling().split("-")) {
            sid.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return sid.toString();
    }
}
