package dev.ecsiamguard.local;

import static dev.ecsiamguard.local.TemplateOwnPrivilegesTest.functionPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.api.ApiRoute;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Request;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What `template.yaml` promises about the on-demand API: every route requires AWS_IAM (SigV4), the OpenAPI
 * document, the function's events and the code's router name the same routes, and the function's privileges are
 * those of provisioning plus reading.
 */
class ApiTemplateTest {

    private static final String OWN_ROLE = "arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-orders-task-role";

    private final SamTemplate template = load();

    @Test
    void api_always_defaultsToIamAuthorization() {
        Map<String, Object> api = template.properties("Api");
        Map<String, Object> auth = SamTemplate.map(api.get("Auth"));

        assertThat(SamTemplate.map(SamTemplate.map(template.raw().get("Resources")).get("Api")).get("Type"))
                .isEqualTo("AWS::Serverless::Api");
        assertThat(auth.get("DefaultAuthorizer")).isEqualTo("AWS_IAM");
        assertThat(auth).doesNotContainKey("ApiKeyRequired");
    }

    @Test
    void definitionBody_everyOperation_requiresIamAndProxiesToTheApiFunction() {
        Map<String, Object> paths = SamTemplate.map(SamTemplate.map(template.properties("Api").get("DefinitionBody"))
                .get("paths"));

        assertThat(paths).isNotEmpty();
        paths.forEach((path, methods) -> SamTemplate.map(methods).forEach((method, operation) -> {
            Map<String, Object> op = SamTemplate.map(operation);
            assertThat(op.get("security")).as(method + " " + path).isEqualTo(List.of(Map.of("AWS_IAM", List.of())));
            Map<String, Object> integration = SamTemplate.map(op.get("x-amazon-apigateway-integration"));
            assertThat(integration.get("type")).as(method + " " + path).isEqualTo("aws_proxy");
            assertThat(SamTemplate.map(integration.get("uri")).get("Fn::Sub")).as(method + " " + path).asString()
                    .contains(":lambda:path/2015-03-31/functions/${ApiFunction.Alias}/invocations");
        }));
        Map<String, Object> scheme = SamTemplate.map(SamTemplate.map(SamTemplate.map(
                template.properties("Api").get("DefinitionBody")).get("components")).get("securitySchemes"))
                .get("AWS_IAM") instanceof Map<?, ?> m ? SamTemplate.map(m) : Map.of();
        assertThat(scheme).containsEntry("x-amazon-apigateway-authtype", "awsSigv4");
    }

    @Test
    void apiEvents_everyRoute_isOnTheIamApiWithoutAnAuthOverride() {
        for (String function : template.functionIds()) {
            Map<String, Object> events = SamTemplate.map(template.properties(function).get("Events"));
            events.forEach((name, event) -> {
                Map<String, Object> e = SamTemplate.map(event);
                if ("Api".equals(e.get("Type"))) {
                    Map<String, Object> props = SamTemplate.map(e.get("Properties"));
                    assertThat(props.get("RestApiId")).as(name).isEqualTo(Map.of("Ref", "Api"));
                    assertThat(props).as(name).doesNotContainKey("Auth");
                }
            });
        }
    }

    @Test
    void routes_inOpenApiEventsAndRouter_areTheSame() {
        Set<String> openApi = new HashSet<>();
        SamTemplate.map(SamTemplate.map(template.properties("Api").get("DefinitionBody")).get("paths"))
                .forEach((path, methods) -> SamTemplate.map(methods).keySet()
                        .forEach(m -> openApi.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        Set<String> events = new HashSet<>();
        template.apiEvents("ApiFunction").forEach(e -> events.add(e.method() + " " + e.path()));
        Set<String> router = new HashSet<>();
        for (ApiRoute route : ApiRoute.values()) {
            router.add(route.method() + " " + route.resource());
        }

        assertThat(openApi).isEqualTo(events).isEqualTo(router);
    }

    @Test
    void limits_areParametersWiredIntoTheStageAndTheFunction() {
        Map<String, Object> settings = SamTemplate.map(((List<?>) template.properties("Api").get("MethodSettings"))
                .get(0));
        SamTemplate.Function function = template.function("ApiFunction");

        assertThat(settings).containsEntry("ResourcePath", "/*").containsEntry("HttpMethod", "*")
                .containsEntry("ThrottlingRateLimit", Map.of("Ref", "ApiThrottlingRateLimit"))
                .containsEntry("ThrottlingBurstLimit", Map.of("Ref", "ApiThrottlingBurstLimit"));
        assertThat(function.environment()).containsEntry("MAX_REQUEST_BYTES", "65536")
                .containsEntry("SEVERITY_THRESHOLD", "HIGH");
        assertThat(function.timeoutSeconds()).isLessThanOrEqualTo(29);
    }

    @Test
    void apiFunction_hasTheProvisioningGuardrailsAndNoMore() throws Exception {
        PolicyEvaluator role = functionPolicy("ApiFunction", Map.of());
        String boundary = "arn:aws:iam::123456789012:policy/ecs-workload-boundary";
        PolicyEvaluator bounded = functionPolicy("ApiFunction", Map.of("PermissionsBoundaryArn", boundary));

        for (String action : List.of("iam:DeleteRole", "iam:DetachRolePolicy", "iam:PassRole", "iam:CreateUser",
                "iam:DeleteRolePermissionsBoundary")) {
            assertThat(allowed(role, action, OWN_ROLE)).as(action).isFalse();
        }
        assertThat(allowed(role, "iam:CreateRole", "arn:aws:iam::123456789012:role/Admin")).isFalse();
        assertThat(allowed(role, "iam:GetRole", OWN_ROLE)).isTrue();
        assertThat(bounded.evaluate(Request.of("iam:CreateRole", OWN_ROLE).with("iam:PermissionsBoundary",
                boundary).withCompleteContext()).isAllowed()).isTrue();
        assertThat(bounded.evaluate(Request.of("iam:CreateRole", OWN_ROLE).withCompleteContext()).isAllowed())
                .isFalse();
        assertThat(allowed(role, "ecs:DescribeTaskDefinition", "*")).isTrue();
        assertThat(allowed(role, "ecs:DeregisterTaskDefinition", "*")).isFalse();
    }

    private static boolean allowed(PolicyEvaluator role, String action, String resource) {
        return role.evaluate(Request.of(action, resource).withCompleteContext()).isAllowed();
    }

    private static SamTemplate load() {
        try {
            return SamTemplate.load(Path.of("..", "template.yaml"), Map.of(), "us-east-1");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
