package dev.ecsiamguard.app;

import dev.ecsiamguard.api.ApiException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Maps whatever an API request ended in to an answer for the caller: known outcomes keep their status; AWS
 * throttling that outlived the SDK's retries is 429; anything else is a 500 that never carries its text.
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ApiException from(RuntimeException e) {
        if (e instanceof ApiException known) {
            return known;
        }
        if (e instanceof ProvisioningConflictException) {
            return new ApiException(409, "conflict", "another change to the same service's resources was in"
                    + " progress and provisioning did not settle; retry the request", null);
        }
        if (e instanceof AwsServiceException aws && aws.isThrottlingException()) {
            return new ApiException(429, "throttled", "AWS throttled the request after retries; retry later", null);
        }
        if (e instanceof AwsServiceException aws && aws.statusCode() == 409) {
            return new ApiException(409, "conflict", "a concurrent change to the same resource conflicted with"
                    + " this one; retry the request", null);
        }
        return new ApiException(500, "internal_error", "internal error; the function's log has the details",
                null);
    }
}
