package dev.ecsiamguard.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy string compiled once: IAM {@code *}/{@code ?} wildcards (optional) and {@code ${...}} policy variables.
 * Matching walks char arrays instead of building a regex per request, because the engine runs thousands of requests.
 */
final class Glob {

    private enum Shape { ANYTHING, EXACT, PREFIX, GENERAL, VARIABLE }

    /** A piece of the pattern: text whose wildcards count, literal text, or a variable to look up. */
    private record Segment(String text, boolean literal, boolean variable, String fallback) {
    }

    private final String pattern;
    private final boolean wildcards;
    private final boolean ignoreCase;
    private final String flat;
    private final Shape shape;
    private final char[] chars;
    private final boolean[] wild;
    private final List<Segment> segments;

    private Glob(String pattern, boolean wildcards, boolean variables, boolean ignoreCase) {
        this.pattern = pattern;
        this.wildcards = wildcards;
        this.ignoreCase = ignoreCase;
        this.segments = variables ? segments(pattern) : List.of(new Segment(pattern, false, false, null));
        boolean hasVariable = segments.stream().anyMatch(s -> s.variable);
        if (hasVariable) {
            this.shape = Shape.VARIABLE;
            this.chars = null;
            this.wild = null;
            this.flat = null;
            return;
        }
        StringBuilder text = new StringBuilder();
        List<Boolean> mask = new ArrayList<>();
        for (Segment segment : segments) {
            for (char c : segment.text.toCharArray()) {
                text.append(c);
                mask.add(wildcards && !segment.literal && (c == '*' || c == '?'));
            }
        }
        this.flat = text.toString();
        this.chars = flat.toCharArray();
        this.wild = new boolean[chars.length];
        int wildCount = 0;
        for (int i = 0; i < chars.length; i++) {
            wild[i] = mask.get(i);
            wildCount += wild[i] ? 1 : 0;
        }
        if (chars.length == 1 && wild[0] && chars[0] == '*') {
            this.shape = Shape.ANYTHING;
        } else if (wildCount == 0) {
            this.shape = Shape.EXACT;
        } else if (wildCount == 1 && wild[chars.length - 1] && chars[chars.length - 1] == '*') {
            this.shape = Shape.PREFIX;
        } else {
            this.shape = Shape.GENERAL;
        }
    }

    /** Action names: wildcards, no variables, case-insensitive. */
    static Glob action(String pattern) {
        return new Glob(pattern.toLowerCase(Locale.ROOT), true, false, true);
    }

    /** Resource ARNs and Like/Arn condition values: wildcards and (from policy version 2012-10-17) variables. */
    static Glob like(String pattern, boolean variables) {
        return new Glob(pattern, true, variables, false);
    }

    /** Equals-style condition values: variables substituted, {@code *} and {@code ?} taken literally. */
    static Glob literal(String pattern, boolean ignoreCase, boolean variables) {
        return new Glob(pattern, false, variables, ignoreCase);
    }

    String pattern() {
        return pattern;
    }

    boolean matchesEverything() {
        return shape == Shape.ANYTHING;
    }

    /** Matches without variables; callers use this only for patterns compiled without them. */
    boolean matches(String input) {
        return switch (shape) {
            case ANYTHING -> true;
            case EXACT -> chars.length == input.length() && input.regionMatches(ignoreCase, 0, flat, 0,
                    chars.length);
            case PREFIX -> input.length() >= chars.length - 1 && input.regionMatches(ignoreCase, 0, flat, 0,
                    chars.length - 1);
            case GENERAL -> globMatch(chars, wild, input, ignoreCase);
            case VARIABLE -> false;
        };
    }

    /** Matches with variables resolved from the request; UNKNOWN when a variable's key was not supplied. */
    Tri matches(String input, Request request, boolean closedWorld, KeyCollector missing) {
        if (shape != Shape.VARIABLE) {
            return Tri.of(matches(input));
        }
        StringBuilder text = new StringBuilder();
        List<Boolean> mask = new ArrayList<>();
        for (Segment segment : segments) {
            String value = segment.text;
            boolean literal = segment.literal;
            if (segment.variable) {
                List<String> values = request.values(segment.text.toLowerCase(Locale.ROOT));
                if (values == null && segment.fallback == null) {
                    if (closedWorld) {
                        return Tri.FALSE;
                    }
                    missing.add(segment.text);
                    return Tri.UNKNOWN;
                }
                if (values != null && values.size() != 1) {
                    return Tri.FALSE;
                }
                value = values == null ? segment.fallback : values.get(0);
                literal = true;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                text.append(c);
                mask.add(!literal && wildcards && (c == '*' || c == '?'));
            }
        }
        boolean[] resolvedMask = new boolean[mask.size()];
        for (int i = 0; i < resolvedMask.length; i++) {
            resolvedMask[i] = mask.get(i);
        }
        return Tri.of(globMatch(text.toString().toCharArray(), resolvedMask, input, ignoreCase));
    }

    static boolean globMatch(char[] pat, boolean[] wild, String input, boolean ignoreCase) {
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = 0;
        int n = input.length();
        while (s < n) {
            if (p < pat.length && wild[p] && pat[p] == '*') {
                starP = p++;
                starS = s;
            } else if (p < pat.length && ((wild[p] && pat[p] == '?') || same(pat[p], input.charAt(s), ignoreCase))) {
                p++;
                s++;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < pat.length && wild[p] && pat[p] == '*') {
            p++;
        }
        return p == pat.length;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }

    /** Splits {@code ${...}} references out; {@code ${*}}, {@code ${?}} and {@code ${$}} are escaped characters. */
    private static List<Segment> segments(String pattern) {
        List<Segment> out = new ArrayList<>();
        int start = 0;
        int open = pattern.indexOf("${");
        while (open >= 0) {
            int close = pattern.indexOf('}', open);
            if (close < 0) {
                break;
            }
            if (open > start) {
                out.add(new Segment(pattern.substring(start, open), false, false, null));
            }
            String inner = pattern.substring(open + 2, close).strip();
            if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
                out.add(new Segment(inner, true, false, null));
            } else {
                out.add(variable(inner));
            }
            start = close + 1;
            open = pattern.indexOf("${", start);
        }
        if (start < pattern.length()) {
            out.add(new Segment(pattern.substring(start), false, false, null));
        }
        return out;
    }

    /** {@code aws:username} or {@code aws:username, 'default'}. */
    private static Segment variable(String inner) {
        int comma = inner.indexOf(',');
        if (comma < 0) {
            return new Segment(inner, false, true, null);
        }
        String fallback = inner.substring(comma + 1).strip();
        if (fallback.length() >= 2 && fallback.startsWith("'") && fallback.endsWith("'")) {
            fallback = fallback.substring(1, fallback.length() - 1);
        }
        return new Segment(inner.substring(0, comma).strip(), false, true, fallback);
    }
}
