package dev.ecsiamguard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.core.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationConfigTest {

    @Test
    void fromEnvironment_whenEmpty_auditsAtHighWithDefaultRegistries() {
        ValidationConfig config = ValidationConfig.fromEnvironment(Map.of());

        assertThat(config.mode()).isEqualTo(ValidationConfig.Mode.AUDIT);
        assertThat(config.threshold()).isEqualTo(Severity.HIGH);
        assertThat(config.deregisterNonCompliant()).isFalse();
        assertThat(config.securityHubEnabled()).isFalse();
        assertThat(config.allowedImageRegistries()).containsExactly("own-ecr", "public.ecr.aws/");
    }

    @Test
    void fromEnvironment_whenSet_readsEveryOption() {
        ValidationConfig config = ValidationConfig.fromEnvironment(Map.of("MODE", "Enforce", "SEVERITY_THRESHOLD",
                "medium", "DEREGISTER_NONCOMPLIANT", "true", "SECURITY_HUB_ENABLED", "TRUE",
                "ALLOWED_IMAGE_REGISTRIES", "own-ecr, ghcr.io/acme/", "EVENT_BUS_NAME", "bus"));

        assertThat(config.enforcing()).isTrue();
        assertThat(config.threshold()).isEqualTo(Severity.MEDIUM);
        assertThat(config.deregisterNonCompliant()).isTrue();
        assertThat(config.securityHubEnabled()).isTrue();
        assertThat(config.allowedImageRegistries()).containsExactly("own-ecr", "ghcr.io/acme/");
        assertThat(config.busName()).isEqualTo("bus");
    }

    @Test
    void fromEnvironment_whenModeUnknown_failsWithTheVariableName() {
        assertThatThrownBy(() -> ValidationConfig.fromEnvironment(Map.of("MODE", "block")))
                .hasMessageContaining("MODE");
        assertThatThrownBy(() -> ValidationConfig.fromEnvironment(Map.of("DEREGISTER_NONCOMPLIANT", "yes")))
                .hasMessageContaining("DEREGISTER_NONCOMPLIANT");
    }

    @Test
    void fromEnvironment_whenRolesPinned_usesTheProvisionersRoleNames() {
        ValidationConfig off = ValidationConfig.fromEnvironment(Map.of());
        ValidationConfig on = ValidationConfig.fromEnvironment(Map.of("PIN_ROLES_TO_FAMILY", "true",
                "NAME_PREFIX", "acme"));

        assertThat(off.rolePinning()).isEmpty();
        assertThat(on.rolePinning()).hasValueSatisfying(p -> {
            assertThat(p.executionRoleFor("payments-api")).isEqualTo("acme-payments-api-execution-role");
            assertThat(p.taskRoleFor("payments-api")).isEqualTo("acme-payments-api-task-role");
        });
        assertThatThrownBy(() -> ValidationConfig.fromEnvironment(Map.of("PIN_ROLES_TO_FAMILY", "yes")))
                .hasMessageContaining("PIN_ROLES_TO_FAMILY");
    }
}
