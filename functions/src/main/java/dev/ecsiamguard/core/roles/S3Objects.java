package dev.ecsiamguard.core.roles;

import java.util.List;
import java.util.Optional;

/** The two permissions the agent needs to download one S3 object (an env file, a FireLens config). */
final class S3Objects {

    private S3Objects() {
    }

    /** GetObject on the object and GetBucketLocation on its bucket, or empty for anything but an S3 object ARN. */
    static Optional<List<Need>> needs(String objectArn, String why) {
        if (objectArn == null || !objectArn.strip().startsWith("arn:")) {
            return Optional.empty();
        }
        String arn = objectArn.strip();
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("s3") || !parts[5].contains("/")) {
            return Optional.empty();
        }
        String bucket = arn.substring(0, arn.indexOf('/', arn.indexOf(":::")));
        return Optional.of(List.of(Need.of(why, arn, "s3:GetObject"), Need.of(why, bucket, "s3:GetBucketLocation")));
    }
}
