package dev.ecsiamguard.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Request;
import dev.ecsiamguard.core.spec.ServiceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A spec's execution grants rendered into the execution policy, and questioned with the engine. */
class SpecExecutionGrantsTest {

    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/web/db-Q1w2E3";
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-2222-4333-8444-555566667777";
    private static final String EU_KEY = "arn:aws:kms:eu-west-1:123456789012:key/2222aaaa-2222-4333-8444-555566667777";
    private static final String LOGS = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/web:*";
    private static final String OBJECT = "arn:aws:s3:::web-config/dev/web.env";
    private static final String BUCKET = "arn:aws:s3:::web-config";

    @Test
    void executionPolicy_grantsEachRecordedArnWhatItsKindNeedsAndNothingNextToIt() {
        PolicyEvaluator role = role(List.of(SECRET, KEY, EU_KEY, LOGS, OBJECT, BUCKET));

        assertThat(allowed(role, "secretsmanager:GetSecretValue", SECRET, Map.of())).isTrue();
        assertThat(allowed(role, "secretsmanager:GetSecretValue", SECRET.replace("db-", "other-"), Map.of()))
                .isFalse();
        assertThat(allowed(role, "logs:PutLogEvents", LOGS.replace("*", "log-stream:app/1"), Map.of())).isTrue();
        assertThat(allowed(role, "logs:CreateLogGroup", LOGS, Map.of())).isFalse();
        assertThat(allowed(role, "s3:GetObject", OBJECT, Map.of())).isTrue();
        assertThat(allowed(role, "s3:GetObject", BUCKET + "/dev/other.env", Map.of())).isFalse();
        assertThat(allowed(role, "s3:GetBucketLocation", BUCKET, Map.of())).isTrue();
    }

    @Test
    void executionPolicy_letsAKeyDecryptOnlyThroughSecretsManagerOfItsOwnRegion() {
        PolicyEvaluator role = role(List.of(KEY, EU_KEY));

        assertThat(allowed(role, "kms:Decrypt", KEY, via("us-east-1"))).isTrue();
        assertThat(allowed(role, "kms:Decrypt", EU_KEY, via("eu-west-1"))).isTrue();
        assertThat(allowed(role, "kms:Decrypt", KEY, via("eu-west-1"))).as("another region's service").isFalse();
        assertThat(allowed(role, "kms:Decrypt", KEY, Map.of())).as("directly").isFalse();
        assertThat(allowed(role, "kms:Decrypt", KEY, Map.of("kms:ViaService", "ssm.us-east-1.amazonaws.com")))
                .isFalse();
        assertThat(allowed(role, "kms:GenerateDataKey", KEY, via("us-east-1"))).isFalse();
        assertThat(allowed(role, "kms:Decrypt", KEY.replace("1111aaaa", "3333aaaa"), via("us-east-1"))).isFalse();
    }

    @Test
    void require_whenTheArnIsAWildcardOrNotGrantable_refusesIt() {
        for (String bad : List.of("arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/*",
                "arn:aws:kms:us-east-1:123456789012:alias/web", "arn:aws:kms:*:123456789012:key/k",
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/*:*", "arn:aws:s3:::web-*/x",
                "arn:aws:iam::123456789012:role/admin", "not-an-arn")) {
            assertThatThrownBy(() -> SpecExecutionGrants.require(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }

    private static Map<String, String> via(String region) {
        return Map.of("kms:ViaService", "secretsmanager." + region + ".amazonaws.com");
    }

    private static PolicyEvaluator role(List<String> grants) {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of());
        ServiceSpec spec = ServiceSpec.empty("ecs-web-execution-role", "web", "dev").withRegion("us-east-1", "web");
        for (String arn : grants) {
            spec = spec.withExecutionGrant(arn);
        }
        String policy = new ServiceBlueprint(config, new AccountScope("aws", "123456789012", "us-east-1"))
                .desired(ServiceIdentity.forService("web", "web", config), spec).executionRole().inlinePolicies()
                .get(ServiceBlueprint.EXECUTION_POLICY_NAME);
        return new PolicyEvaluator(List.of(new NamedPolicy("execution", PolicyDocument.parseIdentity(policy))), null);
    }

    private static boolean allowed(PolicyEvaluator role, String action, String resource, Map<String, String> ctx) {
        Request request = Request.of(action, resource);
        for (var e : ctx.entrySet()) {
            request = request.with(e.getKey(), e.getValue());
        }
        return role.evaluate(request.withCompleteContext()).isAllowed();
    }
}
