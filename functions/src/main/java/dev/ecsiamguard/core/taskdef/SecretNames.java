package dev.ecsiamguard.core.taskdef;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether an environment variable's name says it holds a secret, without flagging names that only
 * describe one ({@code JWT_TOKEN_EXPIRATION}, {@code PASSWORD_MIN_LENGTH}, {@code DB_SECRET_ARN}).
 * Patterns are upper-case globs; a pattern without {@code *} is an exact name and is never excused.
 */
final class SecretNames {

    static final List<String> DEFAULT_PATTERNS = List.of(
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "ECS_ENGINE_AUTH_DATA",
            "*PASSWORD*", "*PASSWD*", "*PASSPHRASE*", "*SECRET*", "*PRIVATE_KEY*", "*PRIVATEKEY*",
            "*API_KEY*", "*APIKEY*", "*ACCESS_KEY*", "*TOKEN*", "*CREDENTIAL*", "*AUTH_KEY*",
            "*SIGNING_KEY*", "*ENCRYPTION_KEY*", "*MASTER_KEY*", "PASS", "*_PASS", "PASS_*", "*_PASS_*",
            "*_PWD", "*_PWD_*");

    /** Last name parts that make a variable about a secret rather than the secret itself. */
    private static final Set<String> DESCRIPTIVE_SUFFIXES = Set.of(
            "EXPIRATION", "EXPIRES", "EXPIRY", "EXPIRE", "EXP", "TTL", "LIFETIME", "TIMEOUT", "DURATION", "AGE",
            "SECONDS", "SEC", "MINUTES", "MIN", "HOURS", "DAYS", "MS", "LENGTH", "LEN", "SIZE", "COUNT", "MAX",
            "URL", "URI", "ENDPOINT", "HOST", "PORT", "ARN", "NAME", "ID", "PATH", "FILE", "DIR", "HEADER",
            "TYPE", "ALGORITHM", "ALG", "ENABLED", "DISABLED", "REQUIRED", "REGION", "VERSION", "ISSUER", "IN");

    private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false|yes|no|on|off");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern PASSWORD_NAME = Pattern.compile("(^|_)(PASS|PWD|PIN)(_|$)|PASSWORD|PASSWD");
    private static final Pattern DURATION = Pattern.compile("(?i)\\d+\\s*(ms|s|m|h|d|w|y|sec|min|mins|minutes"
            + "|hours?|days?|weeks?)");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)x{3,}|\\*{3,}|replace[_-]?me|todo|tbd|"
            + "placeholder|dummy|none|null|n/a|-|\\.+");

    private SecretNames() {
    }

    /** True when the name matches a pattern and, for glob patterns, is not merely descriptive. */
    static boolean isSecretName(String name, List<String> patterns) {
        if (Texts.isBlank(name)) {
            return false;
        }
        String normal = normalize(name);
        boolean descriptive = DESCRIPTIVE_SUFFIXES.contains(normal.substring(normal.lastIndexOf('_') + 1));
        for (String pattern : patterns) {
            String p = pattern.strip().toUpperCase(Locale.ROOT);
            if (!p.contains("*")) {
                if (p.equals(normal)) {
                    return true;
                }
            } else if (!descriptive && normal.matches("\\Q" + p.replace("*", "\\E.*\\Q") + "\\E")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for values that cannot be a secret: empty, boolean, number, duration, ARN or a placeholder word.
     * A templated value ({@code ${DB_PASSWORD}}) is not harmless: the pipeline fills the secret in.
     */
    static boolean isHarmlessValue(String value) {
        if (Texts.isBlank(value)) {
            return true;
        }
        String v = value.strip();
        return BOOLEAN.matcher(v).matches() || NUMBER.matcher(v).matches() || DURATION.matcher(v).matches()
                || v.startsWith("arn:") || PLACEHOLDER.matcher(v).matches();
    }

    /** Like {@link #isHarmlessValue(String)}, except that a number is a real value for a password or PIN. */
    static boolean isHarmlessValueFor(String name, String value) {
        if (value != null && NUMBER.matcher(value.strip()).matches()) {
            return !PASSWORD_NAME.matcher(normalize(name)).find();
        }
        return isHarmlessValue(value);
    }

    /** {@code dbPassword}, {@code db-password} and {@code DB_PASSWORD} all become {@code DB_PASSWORD}. */
    static String normalize(String name) {
        return name.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "_");
    }
}
