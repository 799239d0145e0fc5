package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwslogsOptionsCompleteTest {

    private final AwslogsOptionsComplete rule = new AwslogsOptionsComplete();

    @Test
    void check_whenAllOptionsSet_passes() {
        assertThat(check(rule, td().build())).isEmpty();
    }

    @Test
    void check_whenStreamPrefixMissingOnEc2_passes() {
        assertThat(check(rule, td().compatibilities("EC2").container(container("web")
                .logOption("awslogs-stream-prefix", null)).build())).isEmpty();
    }

    @Test
    void check_whenGroupRegionAndPrefixMissingOnFargate_namesAllThree() {
        List<Finding> findings = check(rule, with(container("web").logOption("awslogs-group", null)
                .logOption("awslogs-region", "").logOption("awslogs-stream-prefix", null)));

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                "Container web of task definition web-app:3 uses the awslogs driver without awslogs-group, "
                        + "awslogs-region, awslogs-stream-prefix."));
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-AWSLOGS-OPTIONS")).containsSame(rule.metadata());
    }
}
