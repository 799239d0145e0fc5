package dev.ecsiamguard.app;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** One line for a failure in a report: the AWS error code when there is one, and the message, bounded. */
final class SweepErrors {

    private SweepErrors() {
    }

    static String describe(RuntimeException e) {
        String code = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null ? aws.awsErrorDetails().errorCode() + ": " : "";
        String text = e.getClass().getSimpleName() + ": " + code + e.getMessage();
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
