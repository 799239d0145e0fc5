package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.checkExec;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import org.junit.jupiter.api.Test;

class ExecutionRoleCanReadFirelensConfigTest {

    private static final ExecutionRoleCanReadFirelensConfig RULE = new ExecutionRoleCanReadFirelensConfig();
    private static final TaskDefinition TD = td(container("\"firelensConfiguration\":{\"type\":\"fluentbit\","
            + "\"options\":{\"config-file-type\":\"s3\",\"config-file-value\":\"arn:aws:s3:::logs-cfg/fb.conf\"}}"));

    @Test
    void check_whenConfigReadable_passes() {
        assertThat(checkExec(RULE, TD, allow("arn:aws:s3:::logs-cfg/*", "s3:GetObject"),
                allow("arn:aws:s3:::logs-cfg", "s3:GetBucketLocation"))).isEmpty();
    }

    @Test
    void check_whenConfigNotReadable_reportsBothActions() {
        assertThat(checkExec(RULE, TD)).hasSize(2)
                .anySatisfy(f -> assertThat(f.fix()).contains("s3:GetObject", "arn:aws:s3:::logs-cfg/fb.conf"))
                .anySatisfy(f -> assertThat(f.fix()).contains("s3:GetBucketLocation"));
    }

    @Test
    void check_whenConfigFileIsInTheImage_passes() {
        TaskDefinition file = td(container("\"firelensConfiguration\":{\"type\":\"fluentbit\",\"options\":"
                + "{\"config-file-type\":\"file\",\"config-file-value\":\"/fluent-bit/etc/extra.conf\"}}"));

        assertThat(checkExec(RULE, file)).isEmpty();
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("EXEC-FIRELENS-CONFIG")).containsSame(RULE.metadata());
    }
}
