package dev.ecsiamguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleMetadataTest {

    @Test
    void new_whenIdMatchesPattern_keepsValues() {
        RuleMetadata rule = new RuleMetadata("ECS-ROLE-001", Severity.HIGH, "Title", "Fix it");

        assertThat(rule.id()).isEqualTo("ECS-ROLE-001");
        assertThat(rule.severity()).isEqualTo(Severity.HIGH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs-role-001", "Ecs-ROLE-001", "ECS", "ECS-", "-ECS-001", "ECS_ROLE_001", ""})
    void new_whenIdDoesNotMatchPattern_rejects(String id) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RuleMetadata(id, Severity.LOW, "Title", "Fix it"))
                .withMessageContaining("`" + id + "`");
    }

    @Test
    void new_whenTitleOrRemediationBlank_rejects() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RuleMetadata("ECS-001", Severity.LOW, " ", "Fix it"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RuleMetadata("ECS-001", Severity.LOW, "Title", ""));
        assertThatNullPointerException()
                .isThrownBy(() -> new RuleMetadata("ECS-001", null, "Title", "Fix it"))
                .withMessage("severity");
    }
}
