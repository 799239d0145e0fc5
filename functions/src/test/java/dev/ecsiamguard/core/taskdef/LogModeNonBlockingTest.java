package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogModeNonBlockingTest {

    private final LogModeNonBlocking rule = new LogModeNonBlocking();

    @Test
    void check_whenNonBlocking_passes() {
        assertThat(check(rule, td().build())).isEmpty();
    }

    @Test
    void check_whenNoLogDriver_leavesItToNoLoggingRule() {
        assertThat(check(rule, with(container("web").log(null)))).isEmpty();
    }

    @Test
    void check_whenBlocking_reportsLow_whateverTheAccountSays() {
        for (AccountLogMode account : List.of(AccountLogMode.read("non-blocking"), AccountLogMode.unknown("x"))) {
            assertThat(rule.check(with(container("a").logOption("mode", "blocking")), ctx(account))).singleElement()
                    .satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.LOW);
                        assertThat(f.message()).endsWith("logs in blocking mode.");
                    });
        }
    }

    @Test
    void check_whenUnset_followsTheAccountsDefaultLogDriverMode() {
        TaskDefinition unset = with(container("b").logOption("mode", null));

        assertThat(rule.check(unset, ctx(AccountLogMode.read("non-blocking")))).as("ECS default since 2025-06-25")
                .isEmpty();
        assertThat(rule.check(unset, ctx(AccountLogMode.read("blocking")))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.message()).contains("defaultLogDriverMode is blocking");
        });
    }

    @Test
    void check_whenUnsetAndTheSettingCouldNotBeRead_saysSo_asInformational() {
        List<Finding> findings = check(rule, with(container("b").logOption("mode", null)));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFORMATIONAL);
            assertThat(f.message()).contains("defaultLogDriverMode, which could not be read (no AWS access)");
        });
    }

    private static TaskDefinitionContext ctx(AccountLogMode mode) {
        return TaskDefinitionContext.defaults().withAccountId("123456789012").withAccountLogMode(mode);
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-LOG-BLOCKING")).containsSame(rule.metadata());
    }
}
