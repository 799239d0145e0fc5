package dev.ecsiamguard.core.taskdef;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises values that are credentials by their shape, and names only the kind, never the value. */
final class CredentialValues {

    private static final List<Map.Entry<String, Pattern>> SHAPES = List.of(
            Map.entry("an AWS access key id", Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")),
            Map.entry("a private key", Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----")),
            Map.entry("a GitHub token",
                    Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})")),
            Map.entry("a Slack token", Pattern.compile("\\bxox[bpars]-[A-Za-z0-9-]{10,}")),
            Map.entry("a JSON Web Token", Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.")));

    private static final Pattern URL_PASSWORD = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]+:([^\\s@/]+)@");

    static final int MIN_HIGH_ENTROPY_LENGTH = 20;
    private static final double MIN_BITS_PER_CHAR = 3.5;

    private CredentialValues() {
    }

    /** The kind of credential the value's shape shows, if any. */
    static Optional<String> shapeOf(String value) {
        if (Texts.isBlank(value)) {
            return Optional.empty();
        }
        for (Map.Entry<String, Pattern> shape : SHAPES) {
            if (shape.getValue().matcher(value).find()) {
                return Optional.of(shape.getKey());
            }
        }
        Matcher url = URL_PASSWORD.matcher(value);
        while (url.find()) {
            String password = url.group(1);
            if (!Texts.isTemplated(password) && !password.chars().allMatch(c -> c == '*' || c == 'x')) {
                return Optional.of("a URL with an embedded password");
            }
        }
        return Optional.empty();
    }

    /** True for a long, random-looking single token, as generated secrets are. */
    static boolean isHighEntropy(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        if (v.length() < MIN_HIGH_ENTROPY_LENGTH || v.chars().anyMatch(Character::isWhitespace)
                || v.contains("://") || Texts.isTemplated(v) || SecretNames.isHarmlessValue(v)) {
            return false;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        v.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / v.length();
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits >= MIN_BITS_PER_CHAR;
    }
}
