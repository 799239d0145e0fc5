package dev.ecsiamguard.core.remediate;

import java.util.Optional;

/** Which KMS key encrypts a secret (Secrets Manager's DescribeSecret, and KMS's DescribeKey for an alias or id). */
public interface SecretKeys {

    /**
     * The ARN of the customer managed key that encrypts the secret; empty when Secrets Manager's AWS managed key
     * (`aws/secretsmanager`) does. A key in another account is returned as the secret names it, undescribed.
     *
     * @throws Unreadable when the secret or its key cannot be read (not found, access denied)
     */
    Optional<String> customerManagedKey(String secretArn);

    /** The secret or its key could not be read: the key is unknown, so nothing about it may be decided. */
    final class Unreadable extends RuntimeException {

        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
