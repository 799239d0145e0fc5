package dev.ecsiamguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.ecsiamguard.event.FunctionScope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;

class ApiRequestTest {

    private static final FunctionScope OWN = new FunctionScope("aws", "210987654321", "eu-west-1");

    @ParameterizedTest
    @Event(value = "events/apigw/post-service-roles.json", type = APIGatewayProxyRequestEvent.class)
    void from_always_usesTheFunctionsAccountAndRegionNotTheRequestContexts(APIGatewayProxyRequestEvent event) {
        ApiRequest request = ApiRequest.from(event, OWN);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.resource()).isEqualTo("/services/{service}/roles");
        assertThat(request.pathParameter("service")).isEqualTo("orders");
        assertThat(request.account()).isEqualTo("210987654321");
        assertThat(request.region()).isEqualTo("eu-west-1");
        assertThat(request.caller()).isEqualTo("arn:aws:sts::123456789012:assumed-role/platform-deployer/deployer");
        assertThat(request.bodyBytes()).isEqualTo(event.getBody().getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest
    @Event(value = "events/apigw/get-service.json", type = APIGatewayProxyRequestEvent.class)
    void from_whenAPathParameterIsNull_readsItAsMissing(APIGatewayProxyRequestEvent event) {
        java.util.Map<String, String> parameters = new java.util.HashMap<>();
        parameters.put("service", null);
        event.setPathParameters(parameters);

        ApiRequest request = ApiRequest.from(event, OWN);

        assertThat(request.pathParameter("service")).isEmpty();
        assertThat(request.body()).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-validations.json", type = APIGatewayProxyRequestEvent.class)
    void from_whenBodyIsBase64_decodesItAndCountsDecodedBytes(APIGatewayProxyRequestEvent event) {
        String body = event.getBody();
        event.setBody(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        ApiRequest request = ApiRequest.from(event, OWN);

        assertThat(request.body()).isEqualTo(body);
        assertThat(request.bodyBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest
    @Event(value = "events/apigw/post-validations.json", type = APIGatewayProxyRequestEvent.class)
    void from_whenBase64BodyIsBroken_answersMalformedBody(APIGatewayProxyRequestEvent event) {
        event.setBody("not base64 %%%");
        event.setIsBase64Encoded(true);

        assertThatThrownBy(() -> ApiRequest.from(event, OWN))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("malformed_body"));
    }
}
