package dev.ecsiamguard.handler;

import static dev.ecsiamguard.handler.RemediationMotoFixture.REMEDIATE;
import static dev.ecsiamguard.handler.RemediationMotoFixture.ruleIds;
import static dev.ecsiamguard.handler.ValidateTaskDefinitionHandlerMotoTest.EXEC_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.policy.Request;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.remediate.ExecutionGrants;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Remediate mode end to end against moto: the provisioner makes payments-api's roles (no secret prefix yet), a
 * revision that injects a secret and a parameter is registered, and validation grants exactly what it needs,
 * recorded in the service's spec so that a later provisioning run keeps it.
 */
class RemediateExecutionRoleMotoTest {

    private static final String PARAMETER = "arn:aws:ssm:us-east-1:123456789012:parameter/dev/payments-api/stripe-key";

    private RemediationMotoFixture f;
    private String secret;

    @BeforeEach
    void provisionPaymentsApiAndRegisterARevision() {
        f = new RemediationMotoFixture();
        secret = f.createSecret(null);
        f.register(secret);
    }

    @Test
    void remediate_whenRevisionNeedsASecretAndAParameterUnderThePrefixes_grantsExactlyThoseAndPasses() {
        Map<String, Object> result = f.validate(REMEDIATE);

        assertThat(result).containsEntry("passed", true);
        assertThat(f.specGrants()).containsExactlyInAnyOrder(secret, PARAMETER);
        assertThat(f.executionPolicy()).contains("\"Sid\":\"GrantedSecrets\"", secret).doesNotContain("kms:");
        assertThat(allowed("secretsmanager:GetSecretValue", secret)).isTrue();
        assertThat(allowed("secretsmanager:GetSecretValue", secret.replace("/db-", "/other-"))).isFalse();
        assertThat(allowed("ssm:GetParameters", PARAMETER)).isTrue();
        assertThat(ruleIds(f.published("Task Definition Validated"))).doesNotContain("EXEC-SECRETS-SM",
                "EXEC-SECRETS-SSM");
        JsonNode remediated = f.published("Execution Role Remediated");
        assertThat(remediated.field("granted").orElseThrow().asArray()).hasSize(2)
                .anySatisfy(g -> assertThat(g.field("why").orElseThrow().asString()).contains("DB_PASSWORD"));

        f.recorder.clear();
        Map<String, Object> replay = f.validate(REMEDIATE);

        assertThat(replay).containsEntry("passed", true);
        assertThat(f.recorder.writes()).allMatch(w -> w.endsWith(":PutEvents"));
    }

    @Test
    void provisioning_afterRemediation_keepsTheGrants() {
        f.validate(REMEDIATE);
        String granted = f.executionPolicy();

        Map<String, Object> again = f.provision();

        assertThat(again).containsEntry("status", "ok");
        assertThat(f.executionPolicy()).isEqualTo(granted);
        assertThat(f.specGrants()).containsExactlyInAnyOrder(secret, PARAMETER);
        assertThat(allowed("secretsmanager:GetSecretValue", secret)).isTrue();
    }

    // Upgrade: a role an earlier version remediated holds its grants in its own policy; provisioning adopts them
    // into the spec and the execution policy (add), and leaves the old policy for the user to remove.
    @Test
    void provisioning_whenTheRoleCarriesTheOldRemediationPolicy_adoptsItsGrantsIntoTheSpec() {
        String old = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"secretsmanager:GetSecretValue\",\"Resource\":\"" + secret + "\"}]}";
        f.iam.putRolePolicy(r -> r.roleName(EXEC_ROLE).policyName(ExecutionGrants.POLICY_NAME).policyDocument(old));

        f.provision();

        assertThat(f.specGrants()).containsExactly(secret);
        assertThat(f.executionPolicy()).contains("\"Sid\":\"GrantedSecrets\"", secret);
        assertThat(f.iam.listRolePolicies(r -> r.roleName(EXEC_ROLE)).policyNames())
                .contains(ExecutionGrants.POLICY_NAME, ServiceBlueprint.EXECUTION_POLICY_NAME);
        assertThat(f.validate(REMEDIATE)).containsEntry("passed", true);
        assertThat(f.published("Execution Role Remediated").field("granted").orElseThrow().asArray())
                .as("only the parameter was missing").singleElement()
                .satisfies(g -> assertThat(g.field("resource").orElseThrow().asString()).isEqualTo(PARAMETER));
        assertThat(f.specGrants()).containsExactlyInAnyOrder(secret, PARAMETER);
    }

    @Test
    void remediate_whenTheSecretIsOutsideThePrefix_grantsNothingAndKeepsTheFinding() {
        Map<String, String> otherPrefix = new HashMap<>(REMEDIATE);
        otherPrefix.put("SECRETS_MANAGER_PREFIX", "prod/{service}/");

        Map<String, Object> result = f.validate(otherPrefix);

        assertThat(result).containsEntry("passed", false);
        assertThat(f.specGrants()).containsExactly(PARAMETER);
        assertThat(ruleIds(f.published("Task Definition Validated"))).contains("EXEC-SECRETS-SM");
        assertThat(f.published("Execution Role Remediated").field("refused").orElseThrow().asArray())
                .singleElement().satisfies(r -> assertThat(r.field("reason").orElseThrow().asString())
                        .contains("outside the configured SecretsManagerPrefix `prod/payments-api/`"));
        assertThat(f.recorder.calls()).as("no key is read for a secret it may not grant")
                .noneMatch(c -> c.contains("DescribeSecret"));
    }

    @Test
    void audit_grantsNothing() {
        Map<String, String> audit = new HashMap<>(REMEDIATE);
        audit.put("MODE", "audit");

        f.validate(audit);

        assertThat(f.specGrants()).isEmpty();
        assertThat(ruleIds(f.published("Task Definition Validated"))).contains("EXEC-SECRETS-SM", "EXEC-SECRETS-SSM");
    }

    @Test
    void remediate_whenTheExecutionRoleIsNotTaggedAsOurs_grantsNothing() {
        f.iam.untagRole(r -> r.roleName(EXEC_ROLE).tagKeys("ManagedBy"));

        f.validate(REMEDIATE);

        assertThat(f.specGrants()).isEmpty();
        assertThat(ruleIds(f.published("Task Definition Validated"))).contains("EXEC-SECRETS-SM");
    }

    private boolean allowed(String action, String resource) {
        return f.executionRole().evaluate(Request.of(action, resource).withCompleteContext()).isAllowed();
    }
}
