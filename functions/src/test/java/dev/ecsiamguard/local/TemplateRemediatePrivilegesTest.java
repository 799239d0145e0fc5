package dev.ecsiamguard.local;

import static dev.ecsiamguard.local.TemplateOwnPrivilegesTest.functionPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Request;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In remediate mode the validation function may write one thing: inline policies on this application's own
 * execution roles (tagged ManagedBy, on its path, with its prefix, within the boundary). The engine proves it.
 */
class TemplateRemediatePrivilegesTest {

    private static final String ROLES = "arn:aws:iam::123456789012:role/";
    private static final String OWN_EXECUTION_ROLE = ROLES + "ecs-iam-guard/ecs-payments-api-execution-role";
    private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/ecs-workload-boundary";

    @Test
    void remediate_allowsPutRolePolicyOnOwnTaggedExecutionRolesOnly() throws Exception {
        PolicyEvaluator role = functionPolicy("ValidateTaskDefinitionFunction", Map.of("Mode", "remediate"));

        assertThat(put(role, OWN_EXECUTION_ROLE, "ecs-iam-guard", null)).isTrue();
        assertThat(put(role, OWN_EXECUTION_ROLE, "someone-else", null)).as("not tagged as ours").isFalse();
        assertThat(put(role, OWN_EXECUTION_ROLE, null, null)).as("untagged").isFalse();
        for (String other : List.of("ecs-iam-guard/ecs-payments-api-task-role",
                "ecs-iam-guard/ecs-payments-api-github-deploy", "ecs-payments-api-execution-role",
                "ecs-iam-guard/other-payments-api-execution-role", "Admin")) {
            assertThat(put(role, ROLES + other, "ecs-iam-guard", null)).as(other).isFalse();
        }
    }

    @Test
    void remediate_neverCreatesAttachesDeletesPassesOrLoosensRoles() throws Exception {
        PolicyEvaluator role = functionPolicy("ValidateTaskDefinitionFunction", Map.of("Mode", "remediate"));

        for (String action : List.of("iam:CreateRole", "iam:AttachRolePolicy", "iam:DeleteRolePolicy",
                "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
                "iam:UpdateAssumeRolePolicy", "iam:PassRole", "iam:TagRole", "iam:PutUserPolicy",
                "iam:CreatePolicyVersion")) {
            Request request = Request.of(action, OWN_EXECUTION_ROLE).with("aws:ResourceTag/ManagedBy",
                    "ecs-iam-guard").withCompleteContext();
            assertThat(role.evaluate(request).isAllowed()).as(action).isFalse();
        }
    }

    @Test
    void remediate_whenBoundaryConfigured_putsPoliciesOnlyOnRolesWithinIt() throws Exception {
        PolicyEvaluator role = functionPolicy("ValidateTaskDefinitionFunction",
                Map.of("Mode", "remediate", "PermissionsBoundaryArn", BOUNDARY));

        assertThat(put(role, OWN_EXECUTION_ROLE, "ecs-iam-guard", BOUNDARY)).isTrue();
        assertThat(put(role, OWN_EXECUTION_ROLE, "ecs-iam-guard", null)).isFalse();
        assertThat(put(role, OWN_EXECUTION_ROLE, "ecs-iam-guard", "arn:aws:iam::123456789012:policy/other"))
                .isFalse();
    }

    @Test
    void auditAndEnforce_stillNeverPutRolePolicies() throws Exception {
        for (String mode : List.of("audit", "enforce")) {
            PolicyEvaluator role = functionPolicy("ValidateTaskDefinitionFunction", Map.of("Mode", mode));

            assertThat(put(role, OWN_EXECUTION_ROLE, "ecs-iam-guard", null)).as(mode).isFalse();
        }
    }

    private static boolean put(PolicyEvaluator role, String roleArn, String managedBy, String boundary) {
        Request request = Request.of("iam:PutRolePolicy", roleArn);
        if (managedBy != null) {
            request = request.with("aws:ResourceTag/ManagedBy", managedBy);
        }
        if (boundary != null) {
            request = request.with("iam:PermissionsBoundary", boundary);
        }
        return role.evaluate(request.withCompleteContext()).isAllowed();
    }
}
