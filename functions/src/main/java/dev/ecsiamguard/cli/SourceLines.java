package dev.ecsiamguard.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line a finding is about in the input file, cheaply: the {@code "name"} of the container a message
 * names, or the {@code "Arn"} of the role a report is about, else line 1, so code scanning annotates the
 * container definition or role rather than the top of the file.
 */
final class SourceLines {

    private static final Pattern CONTAINER = Pattern.compile("\\bContainer (\\S+) of task definition ");

    private SourceLines() {
    }

    /** The line of the container a message names, else of the role's {@code "Arn"} in a saved role file, else 1. */
    static int lineOf(String text, String message, String subject) {
        Matcher named = CONTAINER.matcher(message);
        String key = named.find() ? "name" : "Arn";
        String value = key.equals("name") ? named.group(1) : subject;
        Matcher at = Pattern.compile("\"" + key + "\"\\s*:\\s*\"" + Pattern.quote(value) + "\"").matcher(text);
        if (!at.find()) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < at.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
