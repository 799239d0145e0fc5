package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.remediate.SecretKeys;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A secret's KMS key: DescribeSecret's `KmsKeyId` (absent: Secrets Manager's AWS managed key), resolved to a key
 * ARN with DescribeKey when it is an alias or id of this account, which also tells an AWS managed key apart.
 * A key ARN of another account is returned as it is: its key policy, not this account, decides whether it may be
 * described. Service errors become {@link SecretKeys.Unreadable}; transport errors are thrown (the event retries).
 */
public final class SecretsManagerKeys implements SecretKeys {

    private final SecretsManagerClient secrets;
    private final KmsClient kms;

    public SecretsManagerKeys(SecretsManagerClient secrets, KmsClient kms) {
        this.secrets = secrets;
        this.kms = kms;
    }

    @Override
    public Optional<String> customerManagedKey(String secretArn) {
        String keyId;
        try {
            keyId = secrets.describeSecret(r -> r.secretId(secretArn)).kmsKeyId();
        } catch (AwsServiceException e) {
            throw new Unreadable("secretsmanager:DescribeSecret: " + code(e), e);
        }
        if (keyId == null || keyId.isBlank() || awsManagedAlias(keyId)) {
            return Optional.empty();
        }
        String secretAccount = secretArn.split(":", 6)[4];
        if (keyId.startsWith("arn:") && !keyId.split(":", 6)[4].equals(secretAccount)) {
            return Optional.of(keyId);
        }
        KeyMetadata key;
        try {
            key = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
        } catch (AwsServiceException e) {
            throw new Unreadable("kms:DescribeKey on " + keyId + ": " + code(e), e);
        }
        return key.keyManager() == KeyManagerType.AWS ? Optional.empty() : Optional.of(key.arn());
    }

    // Aliases under `aws/` are reserved for AWS managed keys.
    private static boolean awsManagedAlias(String keyId) {
        return keyId.startsWith("alias/aws/") || keyId.matches("arn:[^:]+:kms:[^:]*:[^:]*:alias/aws/.*");
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? String.valueOf(e.statusCode()) : e.awsErrorDetails().errorCode();
    }
}
