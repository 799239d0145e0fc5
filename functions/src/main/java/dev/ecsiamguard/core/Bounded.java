package dev.ecsiamguard.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Caps on text that echoes user-controlled values (names, images, fields of events and requests), so a hostile
 * 1 MB value cannot blow up a message, a finding or a log line. Every cut ends with a marker saying how much was
 * left out, so a reader knows the value was longer.
 */
public final class Bounded {

    /** The most characters of one quoted value kept in a message. */
    public static final int VALUE = 200;
    /** The most characters of a whole message (an error, a finding's sentence, a note). */
    public static final int MESSAGE = 1_000;
    /** The most characters of a finding's fix, which may hold a whole policy statement. */
    public static final int FIX = 4_000;
    /** The most characters of any one string value inside a log line. */
    public static final int LOG_VALUE = 4_000;

    // A value quoted the house way, between backticks, longer than VALUE characters.
    private static final Pattern LONG_QUOTE = Pattern.compile("`([^`]{" + (VALUE + 1) + ",})`");

    private Bounded() {
    }

    /** The value itself if short enough, else its first {@code max} characters and a marker; never null. */
    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + marker(text.length() - end);
    }

    /** One user-controlled value, to be quoted in a message: at most {@link #VALUE} characters and a marker. */
    public static String value(String text) {
        return cut(text, VALUE);
    }

    /**
     * A message: each backtick-quoted value longer than {@link #VALUE} is shortened in place (so the explanation
     * around it survives), then the whole is capped at {@link #MESSAGE} characters.
     */
    public static String message(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() > VALUE) {
            Matcher m = LONG_QUOTE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement("`" + value(m.group(1)) + "`"));
            }
            m.appendTail(out);
            text = out.toString();
        }
        return cut(text, MESSAGE);
    }

    /** A copy of maps and lists (as in a log line) whose every string is at most {@code max} characters. */
    public static Object deep(Object value, int max) {
        if (value instanceof String s) {
            return cut(s, max);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(cut(String.valueOf(k), max), deep(v, max)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deep(v, max)));
            return copy;
        }
        return value;
    }

    private static String marker(int omitted) {
        return "…[" + omitted + " more characters]";
    }
}
