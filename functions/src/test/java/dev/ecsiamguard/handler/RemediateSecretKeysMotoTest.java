package dev.ecsiamguard.handler;

import static dev.ecsiamguard.handler.RemediationMotoFixture.REMEDIATE;
import static dev.ecsiamguard.handler.RemediationMotoFixture.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.policy.Request;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The KMS half of a secret remediation grants, against moto's Secrets Manager and KMS: a customer managed key of
 * this account gets kms:Decrypt through Secrets Manager only, the AWS managed key nothing, another account's key
 * a finding whose fix is the exact statement.
 */
class RemediateSecretKeysMotoTest {

    private static final String VIA = "secretsmanager.us-east-1.amazonaws.com";
    private static final String FOREIGN_KEY =
            "arn:aws:kms:us-east-1:210987654321:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

    private RemediationMotoFixture f;

    @BeforeEach
    void provisionPaymentsApi() {
        f = new RemediationMotoFixture();
    }

    @Test
    void remediate_whenTheSecretHasACustomerManagedKeyHere_grantsDecryptOnThatKeyThroughSecretsManager() {
        String key = f.createKey();
        String secret = f.createSecret(key);
        f.register(secret);

        Map<String, Object> result = f.validate(REMEDIATE);

        assertThat(result).containsEntry("passed", true);
        assertThat(f.specGrants()).contains(secret, key);
        assertThat(decrypt(key, VIA)).as("the key, through Secrets Manager").isTrue();
        assertThat(decrypt(f.createKey(), VIA)).as("another key").isFalse();
        assertThat(decrypt(key, null)).as("directly, without Secrets Manager").isFalse();
        assertThat(decrypt(key, "ssm.us-east-1.amazonaws.com")).as("through another service").isFalse();
        assertThat(f.published("Execution Role Remediated").field("granted").orElseThrow().asArray())
                .anySatisfy(g -> {
                    assertThat(g.field("resource").orElseThrow().asString()).isEqualTo(key);
                    assertThat(g.field("why").orElseThrow().asString()).contains(secret, "DB_PASSWORD");
                });

        f.recorder.clear();
        assertThat(f.validate(REMEDIATE)).containsEntry("passed", true);
        assertThat(f.recorder.writes()).as("a replay writes nothing").allMatch(w -> w.endsWith(":PutEvents"));
    }

    @Test
    void remediate_whenTheKeyIsNamedByAlias_grantsTheKeyItPointsTo() {
        String key = f.createKey();
        f.aws.clients().kms().createAlias(r -> r.aliasName("alias/payments-api").targetKeyId(key));
        f.register(f.createSecret("alias/payments-api"));

        f.validate(REMEDIATE);

        assertThat(f.specGrants()).contains(key);
        assertThat(decrypt(key, VIA)).isTrue();
    }

    // No KmsKeyId at all is RemediateExecutionRoleMotoTest's case.
    @Test
    void remediate_whenTheSecretNamesTheAwsManagedKey_grantsNoKey() {
        String secret = f.createSecret("alias/aws/secretsmanager");
        f.register(secret);

        assertThat(f.validate(REMEDIATE)).containsEntry("passed", true);

        assertThat(f.specGrants()).contains(secret).noneMatch(g -> g.contains(":kms:"));
        assertThat(f.executionPolicy()).doesNotContain("kms:");
        assertThat(f.recorder.calls()).noneMatch(c -> c.contains("DescribeKey"));
    }

    @Test
    void remediate_whenTheKeyIsInAnotherAccount_reportsItWithTheExactStatementAndGrantsNoKey() {
        String secret = f.createSecret(FOREIGN_KEY);
        f.register(secret);

        Map<String, Object> result = f.validate(REMEDIATE);

        assertThat(result).containsEntry("passed", false);
        assertThat(f.specGrants()).contains(secret).noneMatch(g -> g.contains(":kms:"));
        JsonNode validated = f.published("Task Definition Validated");
        assertThat(ruleIds(validated)).containsExactly("EXEC-SECRETS-SM");
        JsonNode finding = validated.field("findings").orElseThrow().asArray().get(0);
        assertThat(finding.field("message").orElseThrow().asString()).contains(FOREIGN_KEY, "210987654321");
        assertThat(finding.field("fix").orElseThrow().asString()).isEqualTo("{\"Effect\":\"Allow\",\"Action\":"
                + "\"kms:Decrypt\",\"Resource\":\"" + FOREIGN_KEY + "\",\"Condition\":{\"StringEquals\":"
                + "{\"kms:ViaService\":\"" + VIA + "\"}}}");

        assertThat(f.validate(REMEDIATE)).as("a replay still reports it").containsEntry("passed", false);
    }

    @Test
    void remediate_whenTheSecretDoesNotExist_grantsNothingForItAndFailsWithARuleError() {
        f.register("arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/payments-api/db-Q1w2E3");

        Map<String, Object> result = f.validate(REMEDIATE);

        assertThat(result).containsEntry("passed", false);
        assertThat(f.specGrants()).noneMatch(g -> g.contains(":secretsmanager:"));
        List<JsonNode> errors = f.published("Task Definition Validated").field("errors").orElseThrow().asArray();
        assertThat(errors).anySatisfy(e -> assertThat(e.toString()).contains("ResourceNotFoundException"));
    }

    private boolean decrypt(String key, String viaService) {
        Request request = Request.of("kms:Decrypt", key).with("aws:RequestedRegion", "us-east-1");
        if (viaService != null) {
            request = request.with("kms:ViaService", viaService);
        }
        return f.executionRole().evaluate(request.withCompleteContext()).isAllowed();
    }
}
