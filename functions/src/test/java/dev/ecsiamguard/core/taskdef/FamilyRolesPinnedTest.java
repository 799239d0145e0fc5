package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyRolesPinnedTest {

    private static final RolePinning PINNING = new RolePinning("{family}-exec", "{family}-task");

    private final FamilyRolesPinned rule = new FamilyRolesPinned();

    @Test
    void check_whenPinningOff_passesAnyRoles() {
        assertThat(rule.check(td().executionRole("someone-elses-role").build(), TaskDefinitionContext.defaults()))
                .isEmpty();
    }

    @Test
    void check_whenFamilyUsesItsOwnRoles_passes() {
        assertThat(check(td().build())).isEmpty();
    }

    @Test
    void check_whenFamilyBorrowsAnotherServicesTaskRole_reportsHighWithTheRoleToUse() {
        List<Finding> findings = check(td().taskRole("arn:aws:iam::123456789012:role/billing-task").build());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).isEqualTo("Task definition web-app:3 uses task role billing-task, but family "
                    + "web-app may only use web-app-task.");
            assertThat(f.fix()).isEqualTo("Set \"taskRoleArn\" to the role web-app-task.");
        });
    }

    @Test
    void check_whenBothRolesForeign_reportsEach() {
        List<Finding> findings = check(td().executionRole("ecsTaskExecutionRole").taskRole("admin").build());

        assertThat(findings).extracting(Finding::message).hasSize(2)
                .anyMatch(m -> m.contains("execution role ecsTaskExecutionRole"))
                .anyMatch(m -> m.contains("task role admin"));
    }

    @Test
    void rolePinning_whenTemplateLacksFamily_rejects() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RolePinning("exec", "{family}-task"))
                .withMessageContaining("{family}");
    }

    private List<Finding> check(TaskDefinition td) {
        return rule.check(td, TaskDefinitionContext.defaults().withRolePinning(PINNING));
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-FAMILY-ROLE-PINNING")).containsSame(rule.metadata());
    }
}
