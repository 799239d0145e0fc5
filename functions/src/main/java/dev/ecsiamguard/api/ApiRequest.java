package dev.ecsiamguard.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an API Gateway proxy event the API uses, with the body decoded. The account and region are the
 * function's own (from its ARN), since that is where its role can write; the request's are the fallback.
 */
public record ApiRequest(String method, String resource, Map<String, String> pathParameters, String body,
                         int bodyBytes, String account, String region, String caller) {

    public ApiRequest {
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        body = body == null ? "" : body;
    }

    public static ApiRequest from(APIGatewayProxyRequestEvent event, String functionArn, String defaultRegion) {
        var context = event.getRequestContext();
        String body = event.getBody() == null ? "" : event.getBody();
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            byte[] raw = decode(body);
            bytes = raw.length;
            body = new String(raw, StandardCharsets.UTF_8);
        }
        String[] arn = functionArn == null ? new String[0] : functionArn.split(":");
        String account = arn.length > 4 && !arn[4].isEmpty() ? arn[4]
                : context == null ? "" : String.valueOf(context.getAccountId());
        String region = arn.length > 3 && !arn[3].isEmpty() ? arn[3] : defaultRegion;
        String caller = context == null || context.getIdentity() == null ? ""
                : Optional.ofNullable(context.getIdentity().getUserArn()).orElse("");
        return new ApiRequest(event.getHttpMethod(), event.getResource(), event.getPathParameters(), body, bytes,
                account, region, caller);
    }

    public String pathParameter(String name) {
        return pathParameters.getOrDefault(name, "");
    }

    private static byte[] decode(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.malformedBody("the body is marked base64-encoded but is not valid base64");
        }
    }
}
