package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainersLoggedTest {

    private final ContainersLogged rule = new ContainersLogged();

    @Test
    void check_whenLogDriverSet_passes() {
        assertThat(check(rule, td().build())).isEmpty();
    }

    @Test
    void check_whenNoLogConfigurationOrBlankDriver_reportsEachContainer() {
        List<Finding> findings = check(rule, td()
                .container(container("web").log(null))
                .container(container("worker").log(new LogConfiguration(" ", java.util.Map.of(), List.of())))
                .build());

        assertThat(findings).extracting(Finding::message).containsExactly(
                "Container web of task definition web-app:3 has no log driver.",
                "Container worker of task definition web-app:3 has no log driver.");
        assertThat(findings.get(0).fix()).contains("\"awslogs-group\": \"/ecs/web-app\"");
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-NO-LOGGING")).containsSame(rule.metadata());
    }
}
