package dev.ecsiamguard.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ecsiamguard.event.FunctionScope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an API Gateway proxy event the API uses, with the body decoded. The account and region are the
 * function's own (account from its ARN, region from its environment), since that is where its role can write;
 * never the request's.
 */
public record ApiRequest(String method, String resource, Map<String, String> pathParameters, String body,
                         int bodyBytes, String account, String region, String caller) {

    public ApiRequest {
        pathParameters = present(pathParameters);
        body = body == null ? "" : body;
    }

    public static ApiRequest from(APIGatewayProxyRequestEvent event, FunctionScope own) {
        var context = event.getRequestContext();
        String body = event.getBody() == null ? "" : event.getBody();
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            byte[] raw = decode(body);
            bytes = raw.length;
            body = new String(raw, StandardCharsets.UTF_8);
        }
        String caller = context == null || context.getIdentity() == null ? ""
                : Optional.ofNullable(context.getIdentity().getUserArn()).orElse("");
        return new ApiRequest(event.getHttpMethod(), event.getResource(), event.getPathParameters(), body, bytes,
                own.account(), own.region(), caller);
    }

    public String pathParameter(String name) {
        return pathParameters.getOrDefault(name, "");
    }

    // API Gateway sends `null` for a parameter it has no value for; a missing parameter then reads as empty.
    private static Map<String, String> present(Map<String, String> parameters) {
        Map<String, String> kept = new java.util.HashMap<>();
        if (parameters != null) {
            parameters.forEach((k, v) -> {
                if (k != null && v != null) {
                    kept.put(k, v);
                }
            });
        }
        return Map.copyOf(kept);
    }

    private static byte[] decode(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.malformedBody("the body is marked base64-encoded but is not valid base64");
        }
    }
}
