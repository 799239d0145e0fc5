package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Request;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policy engine proves the GitHub OIDC function's own role is least privilege: it creates only deploy roles
 * under the prefix and path with the boundary, only GitHub's provider, and can never pass, delete or attach.
 */
class TemplatePolicyTest {

    private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/ecs-workload-boundary";
    private static final String ROLES = "arn:aws:iam::123456789012:role/";
    private static PolicyEvaluator evaluator;

    @BeforeAll
    static void loadFunctionPolicy() throws Exception {
        SamTemplate template = SamTemplate.load(Path.of("..", "template.yaml"),
                Map.of("PermissionsBoundaryArn", BOUNDARY), "us-east-1");
        Map<String, Object> props = SamTemplate.map(SamTemplate.map(SamTemplate.map(template.raw().get("Resources"))
                .get("GitHubOidcFunction")).get("Properties"));
        List<Object> statements = new ArrayList<>();
        for (Object policy : (List<?>) props.get("Policies")) {
            Object statement = SamTemplate.map(policy).get("Statement");
            if (statement instanceof List<?> list) {
                list.forEach(s -> statements.add(resolve(template, s)));
            }
        }
        String document = Json.write(Json.object("Version", "2012-10-17", "Statement", statements));
        evaluator = PolicyEvaluator.of(new NamedPolicy("GitHubOidcFunction", PolicyDocument.parseIdentity(document)));
    }

    @Test
    void functionRole_whenCreatingItsDeployRoleWithBoundary_isAllowed() {
        assertThat(evaluator.evaluate(createRole("ecs-iam-guard/ecs-payments-api-github-deploy", BOUNDARY))
                .isAllowed()).isTrue();
        assertThat(evaluator.evaluate(Request.of("iam:CreateOpenIDConnectProvider",
                "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")).isAllowed()).isTrue();
        assertThat(evaluator.evaluate(Request.of("iam:GetRole", ROLES + "anyone")).isAllowed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs-iam-guard/admin", "ecs-iam-guard/ecs-payments-api-execution-role",
        "other/ecs-payments-api-github-deploy", "ecs-iam-guard/other-payments-api-github-deploy"})
    void functionRole_whenCreatingAnyOtherRole_isDenied(String pathAndName) {
        assertThat(evaluator.evaluate(createRole(pathAndName, BOUNDARY)).isDenied()).isTrue();
    }

    @Test
    void functionRole_whenBoundaryMissingOrDifferent_isDenied() {
        String role = "ecs-iam-guard/ecs-payments-api-github-deploy";
        assertThat(evaluator.evaluate(Request.of("iam:CreateRole", ROLES + role).withCompleteContext()).isDenied())
                .isTrue();
        assertThat(evaluator.evaluate(createRole(role, "arn:aws:iam::aws:policy/AdministratorAccess")).isDenied())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"iam:PassRole", "iam:DeleteRole", "iam:AttachRolePolicy", "iam:DetachRolePolicy",
        "iam:DeleteOpenIDConnectProvider", "iam:AddClientIDToOpenIDConnectProvider"})
    void functionRole_whenDeletingPassingOrLoosening_isDenied(String action) {
        for (String resource : List.of(ROLES + "ecs-iam-guard/ecs-payments-api-github-deploy",
                "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")) {
            assertThat(evaluator.evaluate(Request.of(action, resource)).isDenied()).as(action).isTrue();
        }
    }

    @Test
    void functionRole_whenCreatingAnotherProvider_isDenied() {
        assertThat(evaluator.evaluate(Request.of("iam:CreateOpenIDConnectProvider",
                "arn:aws:iam::123456789012:oidc-provider/gitlab.com")).isDenied()).isTrue();
    }

    private static Request createRole(String pathAndName, String boundary) {
        return Request.of("iam:CreateRole", ROLES + pathAndName).with("iam:PermissionsBoundary", boundary)
                .withCompleteContext();
    }

    // Intrinsics as the deployed stack would see them with a boundary configured (the only condition used here).
    private static Object resolve(SamTemplate template, Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Fn::If")) {
            List<?> args = (List<?>) map.get("Fn::If");
            return resolve(template, args.get(1));
        }
        if (value instanceof Map<?, ?> map && map.size() == 1
                && (map.containsKey("Fn::Sub") || map.containsKey("Ref"))) {
            return template.resolve(value);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), resolve(template, v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> resolve(template, v)).toList();
        }
        return value;
    }
}
