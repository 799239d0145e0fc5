package dev.ecsiamguard.core.roles;

import java.util.Optional;

/** Reads fields out of ARNs without validating them; role rules only need partition, region and account. */
final class ArnParts {

    private ArnParts() {
    }

    /** Field {@code index} of an ARN (1 partition, 2 service, 3 region, 4 account), when present and not empty. */
    static Optional<String> field(String arn, int index) {
        if (arn == null || !arn.strip().startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = arn.strip().split(":", -1);
        return parts.length > index && !parts[index].isEmpty() ? Optional.of(parts[index]) : Optional.empty();
    }

    /** Everything after the fifth colon: the resource part. */
    static String resource(String arn) {
        String[] parts = arn.strip().split(":", 6);
        return parts.length == 6 ? parts[5] : "";
    }
}
