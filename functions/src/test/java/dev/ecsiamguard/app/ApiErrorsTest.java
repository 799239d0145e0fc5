package dev.ecsiamguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.api.ApiException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class ApiErrorsTest {

    @Test
    void from_whenAwsThrottledAfterRetries_answers429() {
        ApiException answer = ApiErrors.from(aws("Throttling", 400, "Rate exceeded"));

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.code()).isEqualTo("throttled");
    }

    @Test
    void from_whenProvisioningDidNotConverge_answers409() {
        ApiException answer = ApiErrors.from(new ProvisioningConflictException("service `x` did not converge"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("conflict");
        assertThat(answer.getMessage()).doesNotContain("`x`");
    }

    @Test
    void from_whenAwsAnswersConflict_answers409() {
        assertThat(ApiErrors.from(aws("ConcurrentModification", 409, "busy")).status()).isEqualTo(409);
    }

    @Test
    void from_whenAnythingElse_answers500WithoutItsText() {
        for (RuntimeException e : new RuntimeException[] {new IllegalStateException("secret internal detail"),
                SdkClientException.create("connection to 10.0.0.1 refused"), aws("AccessDenied", 403, "role x")}) {
            ApiException answer = ApiErrors.from(e);

            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.code()).isEqualTo("internal_error");
            assertThat(answer.getMessage()).doesNotContain(e.getMessage());
        }
    }

    @Test
    void from_whenAlreadyAnApiAnswer_keepsIt() {
        ApiException known = ApiException.invalid("service", "bad");

        assertThat(ApiErrors.from(known)).isSameAs(known);
    }

    private static AwsServiceException aws(String code, int status, String message) {
        return AwsServiceException.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
