package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.DesiredService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The events and the context priming invokes handlers with: shaped like real ones, about a sample service. */
final class PrimingSamples {

    static final String ACCOUNT = "111122223333";
    static final String REPOSITORY = "priming/sample";

    private PrimingSamples() {
    }

    static ScheduledEvent cloudTrail(String region, String service, String eventName,
                                     Map<String, Object> request, Map<String, Object> response,
                                     Map<String, Object> identity, String errorCode) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventVersion", "1.10");
        detail.put("userIdentity", identity);
        detail.put("eventSource", service + ".amazonaws.com");
        detail.put("eventName", eventName);
        detail.put("awsRegion", region);
        detail.put("sourceIPAddress", "192.0.2.1");
        detail.put("requestParameters", request);
        detail.put("responseElements", response);
        if (errorCode != null) {
            detail.put("errorCode", errorCode);
        }
        detail.put("eventID", "00000000-0000-4000-8000-000000000000");
        detail.put("recipientAccountId", ACCOUNT);
        ScheduledEvent event = new ScheduledEvent();
        event.setId("00000000-0000-4000-8000-000000000001");
        event.setDetailType("AWS API Call via CloudTrail");
        event.setSource("aws." + service);
        event.setAccount(ACCOUNT);
        event.setRegion(region);
        event.setResources(List.of());
        event.setDetail(detail);
        return event;
    }

    static Map<String, Object> gitHubIdentity(String subject) {
        return Map.of("type", "WebIdentityUser", "userName", subject,
                "identityProvider", "arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com");
    }

    /** A Fargate revision using the roles, log group and repository that provisioning gives the sample service. */
    static Map<String, Object> taskDefinition(DesiredService service, String region, String executionRoleArn,
                                              String taskRoleArn) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "app");
        container.put("image", ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com/" + REPOSITORY + ":1.0.0");
        container.put("essential", true);
        container.put("memory", 512);
        container.put("readonlyRootFilesystem", true);
        container.put("user", "1000");
        container.put("portMappings", List.of(Map.of("containerPort", 8080, "protocol", "tcp")));
        container.put("mountPoints", List.of());  // (ECS lists these even when empty)
        container.put("volumesFrom", List.of());
        container.put("environment", List.of(Map.of("name", "MODE", "value", "priming")));
        container.put("secrets", List.of(Map.of("name", "DB_PASSWORD", "valueFrom", "arn:aws:secretsmanager:"
                + region + ":" + ACCOUNT + ":secret:priming/db-AbCdEf"), Map.of("name", "API_KEY",
                "valueFrom", "/priming/api-key")));
        container.put("logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of("awslogs-group",
                service.logGroup().name(), "awslogs-region", region, "awslogs-stream-prefix", "app")));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("taskDefinitionArn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/"
                + service.identity().service() + ":1");
        definition.put("family", service.identity().service());
        definition.put("revision", 1);
        definition.put("status", "ACTIVE");
        definition.put("networkMode", "awsvpc");
        definition.put("requiresCompatibilities", List.of("FARGATE"));
        definition.put("cpu", "256");
        definition.put("memory", "512");
        definition.put("executionRoleArn", executionRoleArn);
        definition.put("taskRoleArn", taskRoleArn);
        definition.put("containerDefinitions", List.of(container));
        definition.put("volumes", List.of());
        definition.put("placementConstraints", List.of());
        return definition;
    }

    static APIGatewayProxyRequestEvent apiRequest(String method, String resource, String path,
                                                  Map<String, String> pathParameters, Object body) {
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setUserArn("arn:aws:iam::" + ACCOUNT + ":role/priming");
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAccountId(ACCOUNT);
        context.setIdentity(identity);
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setHttpMethod(method);
        event.setResource(resource);
        event.setPath(path);
        event.setPathParameters(pathParameters);
        event.setHeaders(Map.of("Content-Type", "application/json"));
        event.setRequestContext(context);
        event.setBody(body == null ? null : Json.write(body));
        return event;
    }

    /** A Lambda context whose log goes nowhere: priming must not leave log lines about a sample service. */
    static Context context(String region) {
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return "priming";
            }

            @Override
            public String getLogGroupName() {
                return "priming";
            }

            @Override
            public String getLogStreamName() {
                return "priming";
            }

            @Override
            public String getFunctionName() {
                return "priming";
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:priming";
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return 60_000;
            }

            @Override
            public int getMemoryLimitInMB() {
                return 1024;
            }

            @Override
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override
                    public void log(String message) {
                        // discarded
                    }

                    @Override
                    public void log(byte[] message) {
                        // discarded
                    }
                };
            }
        };
    }
}
