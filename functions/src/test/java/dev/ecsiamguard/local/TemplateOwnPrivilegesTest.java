package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.PolicyKind;
import dev.ecsiamguard.core.policy.Request;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The automation can create IAM roles, so the policy engine proves what the template grants its own function:
 * only roles under its prefix and path, only with the configured boundary, never deletion or PassRole.
 */
class TemplateOwnPrivilegesTest {

    private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/ecs-workload-boundary";
    private static final String OWN_ROLE = "arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-payments-api-task-role";

    @Test
    void provisionFunction_whenBoundaryConfigured_createsOnlyOwnRolesAndOnlyWithTheBoundary() throws Exception {
        PolicyEvaluator role =
                functionPolicy("ProvisionOnRepositoryFunction", Map.of("PermissionsBoundaryArn", BOUNDARY));

        assertThat(allowed(role, "iam:CreateRole", OWN_ROLE, BOUNDARY)).isTrue();
        assertThat(allowed(role, "iam:PutRolePolicy", OWN_ROLE, BOUNDARY)).isTrue();
        assertThat(allowed(role, "iam:CreateRole", OWN_ROLE, "arn:aws:iam::123456789012:policy/other")).isFalse();
        assertThat(role.evaluate(Request.of("iam:CreateRole", OWN_ROLE).withCompleteContext()).isAllowed()).isFalse();
        assertThat(allowed(role, "iam:CreateRole", "arn:aws:iam::123456789012:role/Admin", BOUNDARY)).isFalse();
        assertThat(allowed(role, "iam:CreateRole", "arn:aws:iam::123456789012:role/ecs-payments-api-task-role",
                BOUNDARY)).as("same name outside the path").isFalse();
        assertThat(allowed(role, "iam:CreateRole", "arn:aws:iam::123456789012:role/ecs-iam-guard/other-role",
                BOUNDARY)).as("inside the path without the prefix").isFalse();
    }

    @Test
    void provisionFunction_attachesOnlyTheTaskExecutionPolicy() throws Exception {
        PolicyEvaluator role =
                functionPolicy("ProvisionOnRepositoryFunction", Map.of("PermissionsBoundaryArn", BOUNDARY));
        Request attachExecution = Request.of("iam:AttachRolePolicy", OWN_ROLE)
                .with("iam:PermissionsBoundary", BOUNDARY)
                .with("iam:PolicyARN", "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
                .withCompleteContext();
        Request attachAdmin = Request.of("iam:AttachRolePolicy", OWN_ROLE)
                .with("iam:PermissionsBoundary", BOUNDARY)
                .with("iam:PolicyARN", "arn:aws:iam::aws:policy/AdministratorAccess")
                .withCompleteContext();

        assertThat(role.evaluate(attachExecution).isAllowed()).isTrue();
        assertThat(role.evaluate(attachAdmin).isAllowed()).isFalse();
    }

    @Test
    void provisionFunction_neverDeletesPassesOrLoosensRoles() throws Exception {
        PolicyEvaluator role = functionPolicy("ProvisionOnRepositoryFunction", Map.of());

        for (String action : List.of("iam:DeleteRole", "iam:DeleteRolePolicy", "iam:DetachRolePolicy",
                "iam:DeleteRolePermissionsBoundary", "iam:PassRole", "iam:CreateUser", "iam:CreatePolicyVersion")) {
            assertThat(role.evaluate(Request.of(action, OWN_ROLE).withCompleteContext()).isAllowed())
                    .as(action).isFalse();
        }
        assertThat(role.evaluate(Request.of("iam:CreateRole", OWN_ROLE).withCompleteContext()).isAllowed())
                .as("without a configured boundary, own roles can still be created").isTrue();
    }

    @Test
    void provisionFunction_touchesOnlyTheEnvironmentClusterAndServiceLogGroups() throws Exception {
        PolicyEvaluator role = functionPolicy("ProvisionOnRepositoryFunction", Map.of());

        assertThat(allowedPlain(role, "ecs:CreateCluster", "arn:aws:ecs:us-east-1:123456789012:cluster/ecs-dev"))
                .isTrue();
        assertThat(allowedPlain(role, "ecs:CreateCluster", "arn:aws:ecs:us-east-1:123456789012:cluster/prod"))
                .isFalse();
        assertThat(allowedPlain(role, "ecs:DeleteCluster", "arn:aws:ecs:us-east-1:123456789012:cluster/ecs-dev"))
                .isFalse();
        assertThat(allowedPlain(role, "logs:CreateLogGroup",
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/payments-api")).isTrue();
        assertThat(allowedPlain(role, "logs:CreateLogGroup",
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/x")).isFalse();
        assertThat(allowedPlain(role, "logs:DeleteLogGroup",
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/payments-api")).isFalse();
    }

    @Test
    void validationFunction_readsRolesButNeverWritesIam_andChangesRevisionsOnlyWhenEnforcing() throws Exception {
        String revision = "arn:aws:ecs:us-east-1:123456789012:task-definition/payments-api:3";
        String anyRole = "arn:aws:iam::123456789012:role/anything";
        PolicyEvaluator audit = functionPolicy("ValidateTaskDefinitionFunction", Map.of());
        PolicyEvaluator enforce = functionPolicy("ValidateTaskDefinitionFunction", Map.of("Mode", "enforce"));
        PolicyEvaluator deregister = functionPolicy("ValidateTaskDefinitionFunction",
                Map.of("Mode", "enforce", "DeregisterNonCompliant", "true"));

        assertThat(allowedPlain(audit, "iam:GetRole", anyRole)).isTrue();
        for (String write : List.of("iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy",
                "iam:UpdateAssumeRolePolicy", "iam:PassRole", "iam:DeleteRole")) {
            assertThat(allowedPlain(deregister, write, anyRole)).as(write).isFalse();
        }
        assertThat(allowedPlain(audit, "ecs:TagResource", revision)).isFalse();
        assertThat(allowedPlain(enforce, "ecs:TagResource", revision)).isTrue();
        assertThat(allowedPlain(enforce, "ecs:DeregisterTaskDefinition", revision)).isFalse();
        assertThat(allowedPlain(deregister, "ecs:DeregisterTaskDefinition", revision)).isTrue();
        assertThat(allowedPlain(audit, "securityhub:BatchImportFindings",
                "arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default")).isFalse();
    }

    private static boolean allowed(PolicyEvaluator role, String action, String resource, String boundary) {
        return role.evaluate(Request.of(action, resource).with("iam:PermissionsBoundary", boundary)
                .withCompleteContext()).isAllowed();
    }

    private static boolean allowedPlain(PolicyEvaluator role, String action, String resource) {
        return role.evaluate(Request.of(action, resource).withCompleteContext()).isAllowed();
    }

    /** The function's inline statements from template.yaml, resolved for the given parameters, as one policy. */
    @SuppressWarnings("unchecked")
    static PolicyEvaluator functionPolicy(String function, Map<String, String> parameters) throws Exception {
        SamTemplate template = SamTemplate.load(Path.of("..", "template.yaml"), parameters, "us-east-1");
        List<Object> statements = new ArrayList<>();
        for (Object policy : (List<Object>) template.properties(function).get("Policies")) {
            Object resolved = template.resolveTree(policy);
            if (resolved instanceof Map<?, ?> m && m.containsKey("Statement")) {
                statements.addAll((List<Object>) m.get("Statement"));
            }
        }
        String document = Json.write(Json.object("Version", "2012-10-17", "Statement", statements));
        return new PolicyEvaluator(List.of(new NamedPolicy(function, PolicyDocument.parse(document,
                PolicyKind.IDENTITY))), null);
    }
}
