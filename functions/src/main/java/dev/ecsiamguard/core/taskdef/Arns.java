package dev.ecsiamguard.core.taskdef;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the account and region out of ARNs, the only place the core learns where a task definition lives. */
final class Arns {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private Arns() {
    }

    static Optional<String> account(String arn) {
        return field(arn, 4).filter(a -> ACCOUNT.matcher(a).matches());
    }

    static Optional<String> region(String arn) {
        return field(arn, 3).filter(r -> REGION.matcher(r).matches());
    }

    /** The role name of a role ARN, or the text itself when it is already a bare name. */
    static String roleName(String roleArnOrName) {
        String s = roleArnOrName.trim();
        return s.startsWith("arn:") ? s.substring(s.lastIndexOf('/') + 1) : s;
    }

    private static Optional<String> field(String arn, int index) {
        if (arn == null || !arn.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", -1);
        return parts.length > index ? Optional.of(parts[index]) : Optional.empty();
    }
}
