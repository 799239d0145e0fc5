package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.checkExec;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import org.junit.jupiter.api.Test;

class ExecutionRoleCanReadEnvironmentFilesTest {

    private static final ExecutionRoleCanReadEnvironmentFiles RULE = new ExecutionRoleCanReadEnvironmentFiles();
    private static final TaskDefinition TD = td(container("\"environmentFiles\":[{\"value\":"
            + "\"arn:aws:s3:::config-bucket/web/app.env\",\"type\":\"s3\"}]"));

    @Test
    void check_whenObjectAndBucketAllowed_passes() {
        assertThat(checkExec(RULE, TD, allow("arn:aws:s3:::config-bucket/web/*", "s3:GetObject"),
                allow("arn:aws:s3:::config-bucket", "s3:GetBucketLocation"))).isEmpty();
    }

    @Test
    void check_whenBucketLocationMissing_reportsItOnTheBucket() {
        var findings = checkExec(RULE, TD, allow("arn:aws:s3:::config-bucket/web/*", "s3:GetObject"));

        assertThat(findings).singleElement().extracting(Finding::fix).isEqualTo(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetBucketLocation\","
                        + "\"Resource\":\"arn:aws:s3:::config-bucket\"}");
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("EXEC-ENV-FILES")).containsSame(RULE.metadata());
    }
}
