package dev.ecsiamguard.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits policy strings into text and {@code ${...}} variables the way IAM documents them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html): {@code ${*}}, {@code ${?}}
 * and {@code ${$}} are escaped characters, {@code ${key, 'default'}} carries a default value, and in a Resource ARN
 * only the resource part (after the fifth colon) takes variables.
 */
final class PolicyVariables {

    /** A piece of a pattern: text whose wildcards count, literal text, or a variable to look up. */
    record Segment(String text, boolean literal, boolean variable, String fallback) {
    }

    /**
     * Global keys AWS documents as multivalued ("Value type – Multivalued" in the global condition keys reference).
     * A multivalued key needs ForAnyValue/ForAllValues and cannot be used as a policy variable.
     */
    private static final Set<String> MULTIVALUED = Set.of("aws:calledvia", "aws:principalorgpaths",
            "aws:principalservicenameslist", "aws:resourceorgpaths", "aws:sourceorgpaths", "aws:tagkeys");

    private PolicyVariables() {
    }

    /** True for a key AWS documents as multivalued, or one the request gives several values. */
    static boolean multivalued(String loweredKey, List<String> values) {
        return documentedMultivalued(loweredKey) || (values != null && values.size() > 1);
    }

    /** True for a key AWS documents as multivalued; callers with a fixed key look this up once, at compile time. */
    static boolean documentedMultivalued(String loweredKey) {
        return MULTIVALUED.contains(loweredKey);
    }

    /** Condition values: variables anywhere. */
    static List<Segment> anywhere(String pattern) {
        return parse(pattern);
    }

    /** Resource ARNs: partition, service, region and account are taken as written; variables only after them. */
    static List<Segment> inResourcePart(String pattern) {
        int start = resourcePartStart(pattern);
        if (start <= 0) {
            return parse(pattern);
        }
        List<Segment> out = new ArrayList<>();
        out.add(new Segment(pattern.substring(0, start), false, false, null));
        out.addAll(parse(pattern.substring(start)));
        return out;
    }

    /** Index just after the fifth colon that is not inside {@code ${...}}, or 0 when there are fewer. */
    private static int resourcePartStart(String pattern) {
        int colons = 0;
        boolean inVariable = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (!inVariable && c == '$' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
                inVariable = true;
            } else if (inVariable && c == '}') {
                inVariable = false;
            } else if (!inVariable && c == ':' && ++colons == 5) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<Segment> parse(String pattern) {
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
