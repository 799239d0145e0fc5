package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import org.junit.jupiter.api.Test;

class ContainerMemoryLimitedTest {

    private final ContainerMemoryLimited rule = new ContainerMemoryLimited();

    @Test
    void check_whenContainerMemorySet_passes() {
        assertThat(check(rule, td().build())).isEmpty();
    }

    @Test
    void check_whenNoContainerOrTaskMemory_reportsLow() {
        assertThat(check(rule, td().memory(null).container(container("web").memory(null)).build())).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
    }

    @Test
    void check_whenOnlyTaskMemory_reportsInformational() {
        assertThat(check(rule, with(container("web").memory(null)))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFORMATIONAL));
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-MEMORY-LIMIT")).containsSame(rule.metadata());
    }
}
