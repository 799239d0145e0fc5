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
    void check_whenBlockingOrUnset_reportsLow() {
        List<Finding> findings = check(rule, td()
                .container(container("a").logOption("mode", "blocking"))
                .container(container("b").logOption("mode", null))
                .build());

        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.LOW, Severity.LOW);
        assertThat(findings.get(0).message()).endsWith("logs in blocking mode.");
        assertThat(findings.get(1).message()).endsWith("does not set the log mode, so logging may block the "
                + "application.");
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-LOG-BLOCKING")).containsSame(rule.metadata());
    }
}
