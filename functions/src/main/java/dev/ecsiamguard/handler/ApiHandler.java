package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ecsiamguard.api.ApiException;
import dev.ecsiamguard.api.ApiRequest;
import dev.ecsiamguard.api.ApiResponse;
import dev.ecsiamguard.app.ApiApplication;
import dev.ecsiamguard.app.ApiErrors;
import dev.ecsiamguard.event.FunctionScope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The on-demand API (API Gateway REST, IAM auth): provision, validate and report. Every answer is JSON; an error
 * is logged with its cause and answered without it.
 */
public final class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final BackgroundBuild<ApiApplication> built;

    /** As Lambda constructs it: the application is built in the background (see {@link BackgroundBuild}). */
    public ApiHandler() {
        this(BackgroundBuild.start("api", () -> ApiApplication.fromEnvironment(System.getenv())));
        ClassPreload.start(getClass());
        Priming.register(getClass().getName(), () -> {  // SnapStart
            built.get();
            HandlerPriming.api(System.getenv());
        });
    }

    public ApiHandler(Map<String, String> env) {
        this(ApiApplication.fromEnvironment(env));
    }

    ApiHandler(ApiApplication app) {
        this(BackgroundBuild.ready(Objects.requireNonNull(app, "app")));
    }

    private ApiHandler(BackgroundBuild<ApiApplication> built) {
        this.built = built;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        ApiApplication app = built.get();
        long callsBefore = app.awsCalls();
        Map<String, Object> line = new LinkedHashMap<>();
        ApiResponse response;
        try {
            if (event == null) {
                throw new ApiException(400, "invalid_request", "the invocation is not an API Gateway REST proxy"
                        + " request (the event is empty or not a JSON object)", null);
            }
            line.put("method", String.valueOf(event.getHttpMethod()));
            line.put("resource", String.valueOf(event.getResource()));
            ApiRequest request = ApiRequest.from(event, FunctionScope.of(context, app.region()));
            line.put("caller", request.caller());
            response = app.handle(request);
        } catch (RuntimeException e) {
            ApiException answer = ApiErrors.from(e);
            line.put("code", answer.code());
            if (answer.status() == 500) {
                line.put("cause", e.getClass().getName() + ": " + e.getMessage());
            }
            response = ApiResponse.error(answer);
        }
        line.put("status", response.status());
        line.put("awsCalls", app.awsCalls() - callsBefore);
        LogLine.write(context, line.containsKey("cause") ? "ERROR" : response.status() >= 400 ? "WARN" : "INFO",
                "api", line);
        return response.toEvent();
    }
}
