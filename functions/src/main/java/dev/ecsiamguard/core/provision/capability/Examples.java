package dev.ecsiamguard.core.provision.capability;

/** One correct declaration per capability, quoted in error messages and checked by the tests. */
final class Examples {

    private Examples() {
    }

    static String of(CapabilityKind kind) {
        return switch (kind) {
            case EXEC -> "exec";
            case XRAY -> "xray";
            case S3 -> "s3.read-write=my-bucket/my-prefix";
            case DYNAMODB -> "dynamodb.read-write=my-table";
            case SQS -> "sqs.consume=my-queue";
            case SNS -> "sns=my-topic";
            case SES -> "ses=example.com=noreply@example.com";
            case SECRETS -> "secrets or secrets=db/";
            case SSM -> "ssm or ssm=config/";
            case KMS -> "kms=1234abcd-12ab-34cd-56ef-1234567890ab";
            case EFS -> "efs.read-write=fs-0123abcd=fsap-0123456789abcdef0";
            case METRICS -> "metrics=PaymentsApi";
        };
    }
}
