package dev.ecsiamguard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationConfigRemediateTest {

    @Test
    void fromEnvironment_whenRemediate_carriesPrefixesAndBuckets() {
        ValidationConfig config = ValidationConfig.fromEnvironment(Map.of("MODE", "remediate",
                "SECRETS_MANAGER_PREFIX", "{environment}/{service}/",
                "REMEDIATE_ENVIRONMENT_FILE_BUCKETS", "payments-config, shared-config"));

        assertThat(config.mode()).isEqualTo(ValidationConfig.Mode.REMEDIATE);
        assertThat(config.enforcing()).isFalse();
        assertThat(config.remediation()).hasValueSatisfying(r -> {
            assertThat(r.environmentFileBuckets()).containsExactly("payments-config", "shared-config");
            assertThat(r.names().secretsManagerPrefix()).contains("{environment}/{service}/");
        });
    }

    @Test
    void fromEnvironment_whenAuditOrEnforce_hasNoRemediation() {
        assertThat(ValidationConfig.fromEnvironment(Map.of("MODE", "enforce")).remediation()).isEmpty();
        assertThat(ValidationConfig.fromEnvironment(Map.of()).remediation()).isEmpty();
    }

    @Test
    void fromEnvironment_whenABucketIsAWildcard_isRejectedNamingTheVariable() {
        assertThatThrownBy(() -> ValidationConfig.fromEnvironment(Map.of("MODE", "remediate",
                "REMEDIATE_ENVIRONMENT_FILE_BUCKETS", "payments-*")))
                .hasMessageContaining("REMEDIATE_ENVIRONMENT_FILE_BUCKETS has `payments-*`");
        assertThatThrownBy(() -> ValidationConfig.fromEnvironment(Map.of("MODE", "fix")))
                .hasMessageContaining("expected audit, enforce or remediate");
    }
}
