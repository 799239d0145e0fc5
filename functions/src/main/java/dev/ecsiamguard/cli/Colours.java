package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Severity;

/** ANSI colours for the text output, or none: colour is only for people looking at a terminal. */
record Colours(boolean enabled) {

    private static final String RESET = "\u001b[0m";

    String severity(Severity severity, String text) {
        return paint(switch (severity) {
            case CRITICAL -> "\u001b[1;35m";
            case HIGH -> "\u001b[1;31m";
            case MEDIUM -> "\u001b[33m";
            case LOW -> "\u001b[36m";
            case INFORMATIONAL -> "\u001b[2m";
        }, text);
    }

    String good(String text) {
        return paint("\u001b[1;32m", text);
    }

    String bad(String text) {
        return paint("\u001b[1;31m", text);
    }

    String bold(String text) {
        return paint("\u001b[1m", text);
    }

    private String paint(String code, String text) {
        return enabled ? code + text + RESET : text;
    }
}
