package dev.ecsiamguard.core.taskdef;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The documented shapes of secret references, so a wrong colon count is caught before a task fails to start.
 * Trailing fields that are all empty ({@code secret:name::}) are accepted: no later field depends on them.
 */
final class ValueFromShape {

    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.\\-/]+");
    private static final Pattern SECRET_SUFFIX = Pattern.compile(".+-[A-Za-z0-9]{6}");

    private ValueFromShape() {
    }

    /** What is wrong with the reference, as a phrase, or {@code null} when its shape is fine or templated. */
    static String problem(String valueFrom, boolean repositoryCredentials) {
        if (Texts.isBlank(valueFrom)) {
            return "is empty";
        }
        String v = valueFrom.strip();
        if (Texts.isTemplated(v)) {
            return null;
        }
        if (!v.startsWith("arn:")) {
            return repositoryCredentials ? null : parameterName(v);
        }
        String[] parts = v.split(":", -1);
        if (parts.length < 6) {
            return "is not a complete ARN";
        }
        if (!parts[2].equals("secretsmanager") && !parts[2].equals("ssm")) {
            return "names service " + parts[2] + ", but only secretsmanager and ssm are supported";
        }
        if (parts[3].isEmpty() || parts[4].isEmpty()) {
            return "has no region or account";
        }
        return switch (parts[2]) {
            case "secretsmanager" -> secretArn(parts);
            case "ssm" -> repositoryCredentials ? "points to SSM Parameter Store, but repositoryCredentials needs a "
                    + "Secrets Manager secret" : parameterArn(parts);
            default -> throw new IllegalStateException("unreachable: service `" + parts[2] + "`");
        };
    }

    private static String secretArn(String[] parts) {
        if (!parts[5].equals("secret") || parts.length < 7 || parts[6].isEmpty()) {
            return "is not a Secrets Manager secret ARN";
        }
        boolean laterFieldsUsed = parts.length > 7
                && Arrays.stream(parts, 7, parts.length).anyMatch(part -> !part.isEmpty());
        if ((parts.length == 8 || parts.length == 9) && laterFieldsUsed) {
            return "has a JSON key or version without the colons of the later fields "
                    + "(secret:<name>:<json-key>:<version-stage>:<version-id>)";
        }
        if (parts.length > 10) {
            return "has too many colon-separated fields";
        }
        if (parts.length == 10 && !parts[8].isEmpty() && !parts[9].isEmpty()) {
            return "sets both a version stage and a version id";
        }
        return SECRET_SUFFIX.matcher(parts[6]).matches() ? null : SecretReferencesWellFormed.PARTIAL;
    }

    private static String parameterArn(String[] parts) {
        if (parts.length != 6 || !parts[5].startsWith("parameter/") || parts[5].length() == "parameter/".length()) {
            return "is not an SSM parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)";
        }
        return parts[5].startsWith("parameter//") ? "has a double slash after parameter" : null;
    }

    private static String parameterName(String name) {
        if (!PARAMETER_NAME.matcher(name).matches()) {
            return "is not a valid SSM parameter name";
        }
        return name.contains("/") && !name.startsWith("/") ? "is a hierarchical SSM parameter name that does not "
                + "start with /" : null;
    }
}
