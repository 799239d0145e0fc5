package dev.ecsiamguard.core.roles;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A private ECR image reference, reduced to what the pull permission is granted on: the repository's ARN. */
record EcrImage(String account, String region, String repository, boolean china) {

    private static final Pattern ECR = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?/([^:@\\s]+)(?:[:@].*)?");

    /** The image as a private ECR reference, or empty for any other registry or a templated value. */
    static Optional<EcrImage> parse(String image) {
        if (image == null) {
            return Optional.empty();
        }
        Matcher m = ECR.matcher(image.strip());
        return m.matches() ? Optional.of(new EcrImage(m.group(1), m.group(2), m.group(4), m.group(3) != null))
                : Optional.empty();
    }

    String repositoryArn(String partition) {
        return "arn:" + partition + ":ecr:" + region + ":" + account + ":repository/" + repository;
    }
}
