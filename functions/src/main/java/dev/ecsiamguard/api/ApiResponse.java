package dev.ecsiamguard.api;

import static dev.ecsiamguard.core.json.Json.object;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ecsiamguard.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** One API answer: a status and a JSON body; errors always have the shape `{"error":{"code","message"}}`. */
public record ApiResponse(int status, Map<String, Object> body) {

    public static ApiResponse ok(Map<String, Object> body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse error(ApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        if (e.field() != null) {
            error.put("field", e.field());
        }
        return new ApiResponse(e.status(), object("error", error));
    }

    public APIGatewayProxyResponseEvent toEvent() {
        return new APIGatewayProxyResponseEvent().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withIsBase64Encoded(false)
                .withBody(Json.write(body));
    }
}
