package dev.ecsiamguard.local;

import static dev.ecsiamguard.local.TemplateOwnPrivilegesTest.functionPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Request;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In remediate mode the validation function may write inline policies on this application's own execution roles
 * (tagged ManagedBy, on its path, with its prefix, within the boundary) and the service specs that record them,
 * and read which KMS key encrypts a secret under the prefix. The engine proves it.
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

    @Test
    void remediate_readsKeysOnlyOfSecretsUnderThePrefixAndRecordsGrantsInTheSpecTable() throws Exception {
        PolicyEvaluator role = functionPolicy("ValidateTaskDefinitionFunction",
                Map.of("Mode", "remediate", "SecretsManagerPrefix", "{environment}/{service}/"));
        String secrets = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

        assertThat(allowed(role, "secretsmanager:DescribeSecret", secrets + "dev/payments-api/db-AbCdEf")).isTrue();
        assertThat(allowed(role, "secretsmanager:DescribeSecret", secrets + "shared-db-AbCdEf")).isFalse();
        assertThat(allowed(role, "secretsmanager:DescribeSecret",
                "arn:aws:secretsmanager:us-east-1:210987654321:secret:dev/payments-api/db-AbCdEf")).isFalse();
        assertThat(allowed(role, "secretsmanager:GetSecretValue", secrets + "dev/payments-api/db-AbCdEf"))
                .as("never a secret's value").isFalse();
        String key = "arn:aws:kms:us-east-1:123456789012:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
        assertThat(allowed(role, "kms:DescribeKey", key)).isTrue();
        assertThat(allowed(role, "kms:DescribeKey", key.replace("123456789012", "210987654321"))).isFalse();
        for (String action : List.of("kms:Decrypt", "kms:CreateGrant", "kms:PutKeyPolicy")) {
            assertThat(allowed(role, action, key)).as(action).isFalse();
        }
        String table = "arn:aws:dynamodb:us-east-1:123456789012:table/ecs-iam-guard-services";
        assertThat(allowed(role, "dynamodb:GetItem", table)).isTrue();
        assertThat(allowed(role, "dynamodb:PutItem", table)).isTrue();
        assertThat(allowed(role, "dynamodb:DeleteItem", table)).isFalse();
        assertThat(allowed(role, "dynamodb:PutItem", table + "-other")).isFalse();
    }

    @Test
    void remediateWithoutASecretsPrefix_andAudit_readNoSecretOrKey() throws Exception {
        for (Map<String, String> parameters : List.of(Map.of("Mode", "remediate"),
                Map.of("Mode", "audit", "SecretsManagerPrefix", "{service}/"))) {
            PolicyEvaluator role = functionPolicy("ValidateTaskDefinitionFunction", parameters);

            assertThat(allowed(role, "secretsmanager:DescribeSecret",
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:payments-api/db-AbCdEf")).isFalse();
            assertThat(allowed(role, "kms:DescribeKey", "arn:aws:kms:us-east-1:123456789012:key/k")).isFalse();
        }
        PolicyEvaluator audit = functionPolicy("ValidateTaskDefinitionFunction", Map.of("Mode", "audit"));
        assertThat(allowed(audit, "dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/"
                + "ecs-iam-guard-services")).isFalse();
    }

    private static boolean allowed(PolicyEvaluator role, String action, String resource) {
        return role.evaluate(Request.of(action, resource).withCompleteContext()).isAllowed();
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
