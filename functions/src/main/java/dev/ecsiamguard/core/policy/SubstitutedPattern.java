package dev.ecsiamguard.core.policy;

import dev.ecsiamguard.core.policy.PolicyVariables.Segment;
import java.util.List;
import java.util.Locale;

/**
 * The part of a {@link Glob} that holds {@code ${...}} variables. Each key is lower-cased and looked up in AWS's list
 * of multivalued keys once, when the policy is compiled, so a request pays only for its own map look-ups. A
 * pattern without wildcards (the Equals operators) is compared segment by segment without building the text.
 */
final class SubstitutedPattern {

    private final Segment[] segments;
    /** The lower-cased key of each variable segment, null for text. */
    private final String[] loweredKeys;
    private final boolean[] documentedMultivalued;
    private final boolean wildcards;
    private final boolean ignoreCase;

    SubstitutedPattern(List<Segment> segments, boolean wildcards, boolean ignoreCase) {
        this.segments = segments.toArray(Segment[]::new);
        this.loweredKeys = new String[this.segments.length];
        this.documentedMultivalued = new boolean[this.segments.length];
        for (int i = 0; i < this.segments.length; i++) {
            if (this.segments[i].variable()) {
                loweredKeys[i] = this.segments[i].text().toLowerCase(Locale.ROOT);
                documentedMultivalued[i] = PolicyVariables.documentedMultivalued(loweredKeys[i]);
            }
        }
        this.wildcards = wildcards;
        this.ignoreCase = ignoreCase;
    }

    /** See {@link Glob#matches(String, Request, boolean, KeyCollector)}. */
    Tri matches(String input, Request request, boolean closedWorld, KeyCollector missing) {
        return wildcards ? matchesGlob(input, request, closedWorld, missing)
                : matchesLiteral(input, request, closedWorld, missing);
    }

    /**
     * Substituted text compared with the input as it is resolved. A mismatch does not end the loop: a later
     * variable whose key was not supplied still makes the answer UNKNOWN, and one without a value makes it FALSE.
     */
    private Tri matchesLiteral(String input, Request request, boolean closedWorld, KeyCollector missing) {
        int position = 0;
        boolean same = true;
        for (int i = 0; i < segments.length; i++) {
            String value = segments[i].text();
            if (loweredKeys[i] != null) {
                List<String> values = request.values(loweredKeys[i]);
                if (values == null && !closedWorld) {
                    missing.add(segments[i].text());
                    return Tri.UNKNOWN;
                }
                value = substitute(i, values);
                if (value == null) {
                    return Tri.FALSE;
                }
            }
            if (same) {
                same = regionSame(input, position, value);
                position += value.length();
            }
        }
        return Tri.of(same && position == input.length());
    }

    private boolean regionSame(String input, int from, String value) {
        if (from + value.length() > input.length()) {
            return false;
        }
        for (int j = 0; j < value.length(); j++) {
            if (!Glob.same(value.charAt(j), input.charAt(from + j), ignoreCase)) {
                return false;
            }
        }
        return true;
    }

    /** Wildcards count only in the policy's own text: a substituted value is matched literally. */
    private Tri matchesGlob(String input, Request request, boolean closedWorld, KeyCollector missing) {
        String[] resolved = new String[segments.length];
        int length = 0;
        for (int i = 0; i < segments.length; i++) {
            String value = segments[i].text();
            if (loweredKeys[i] != null) {
                List<String> values = request.values(loweredKeys[i]);
                if (values == null && !closedWorld) {
                    missing.add(segments[i].text());
                    return Tri.UNKNOWN;
                }
                value = substitute(i, values);
                if (value == null) {
                    return Tri.FALSE;
                }
            }
            resolved[i] = value;
            length += value.length();
        }
        char[] text = new char[length];
        boolean[] wild = new boolean[length];
        int k = 0;
        for (int i = 0; i < segments.length; i++) {
            boolean literal = loweredKeys[i] != null || segments[i].literal();
            for (int j = 0; j < resolved[i].length(); j++, k++) {
                char c = resolved[i].charAt(j);
                text[k] = c;
                wild[k] = !literal && (c == '*' || c == '?');
            }
        }
        return Tri.of(Glob.globMatch(text, wild, input, ignoreCase));
    }

    /** The request's value for variable segment i, or its default when the key is absent, empty or multivalued. */
    private String substitute(int i, List<String> values) {
        boolean multivalued = documentedMultivalued[i] || (values != null && values.size() > 1);
        return values == null || multivalued || values.isEmpty() ? segments[i].fallback() : values.get(0);
    }

    /** See {@link Glob#unresolved(Request, boolean)}. */
    boolean unresolved(Request request, boolean closedWorld) {
        for (int i = 0; i < segments.length; i++) {
            if (loweredKeys[i] == null || segments[i].fallback() != null) {
                continue;
            }
            List<String> values = request.values(loweredKeys[i]);
            if (values == null ? closedWorld
                    : values.isEmpty() || documentedMultivalued[i] || values.size() > 1) {
                return true;
            }
        }
        return false;
    }
}
