package dev.ecsiamguard.core.policy;

import dev.ecsiamguard.core.policy.PolicyVariables.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy string compiled once: IAM {@code *}/{@code ?} wildcards (optional) and {@code ${...}} policy variables.
 * Matching walks char arrays instead of building a regex per request, because the engine runs thousands of requests.
 */
final class Glob {

    private enum Shape { ANYTHING, EXACT, PREFIX, GENERAL, VARIABLE }

    private final String pattern;
    private final boolean wildcards;
    private final boolean ignoreCase;
    private final String flat;
    private final Shape shape;
    private final char[] chars;
    private final boolean[] wild;
    private final SubstitutedPattern variables;

    private Glob(String pattern, boolean wildcards, List<Segment> segments, boolean ignoreCase) {
        this.pattern = pattern;
        this.wildcards = wildcards;
        this.ignoreCase = ignoreCase;
        boolean hasVariable = segments.stream().anyMatch(Segment::variable);
        if (hasVariable) {
            this.shape = Shape.VARIABLE;
            this.variables = new SubstitutedPattern(segments, wildcards, ignoreCase);
            this.chars = null;
            this.wild = null;
            this.flat = null;
            return;
        }
        this.variables = null;
        StringBuilder text = new StringBuilder();
        List<Boolean> mask = new ArrayList<>();
        for (Segment segment : segments) {
            for (char c : segment.text().toCharArray()) {
                text.append(c);
                mask.add(wildcards && !segment.literal() && (c == '*' || c == '?'));
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
        String lowered = pattern.toLowerCase(Locale.ROOT);
        return new Glob(lowered, true, plain(lowered), true);
    }

    /** Like/Arn condition values: wildcards and (from policy version 2012-10-17) variables anywhere. */
    static Glob like(String pattern, boolean variables) {
        return new Glob(pattern, true, variables ? PolicyVariables.anywhere(pattern) : plain(pattern), false);
    }

    /** Resource and NotResource ARNs: wildcards, and variables only in the resource part (after the account). */
    static Glob resource(String pattern, boolean variables) {
        return new Glob(pattern, true, variables ? PolicyVariables.inResourcePart(pattern) : plain(pattern), false);
    }

    /** Equals-style condition values: variables substituted, {@code *} and {@code ?} taken literally. */
    static Glob literal(String pattern, boolean ignoreCase, boolean variables) {
        return new Glob(pattern, false, variables ? PolicyVariables.anywhere(pattern) : plain(pattern), ignoreCase);
    }

    private static List<Segment> plain(String pattern) {
        return List.of(new Segment(pattern, false, false, null));
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

    /**
     * Matches with variables resolved from the request. UNKNOWN when a variable's key was not supplied (even when
     * the variable has a default: the real value may differ); FALSE when a variable cannot be resolved, see
     * {@link #unresolved}.
     */
    Tri matches(String input, Request request, boolean closedWorld, KeyCollector missing) {
        if (shape != Shape.VARIABLE) {
            return Tri.of(matches(input));
        }
        return variables.matches(input, request, closedWorld, missing);
    }

    /**
     * True when a variable has no value to substitute and no default: its key is absent from a complete request,
     * empty, or multivalued. AWS documents that such a variable makes the statement not apply, so no negation
     * (NotResource, StringNotEquals, ...) may turn the failed substitution into a match.
     */
    boolean unresolved(Request request, boolean closedWorld) {
        return shape == Shape.VARIABLE && variables.unresolved(request, closedWorld);
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

    static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}
