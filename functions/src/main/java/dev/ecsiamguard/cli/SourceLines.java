package dev.ecsiamguard.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line a finding is about in the input file, cheaply: the {@code "name"} of the container a message
 * names, else line 1, so code scanning annotates the container definition rather than the top of the file.
 */
final class SourceLines {

    private static final Pattern CONTAINER = Pattern.compile("\\bContainer (\\S+) of task definition ");

    private SourceLines() {
    }

    static int lineOf(String text, String message) {
        Matcher named = CONTAINER.matcher(message);
        if (!named.find()) {
            return 1;
        }
        Matcher at = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(named.group(1)) + "\"").matcher(text);
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
