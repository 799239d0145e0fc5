package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.checkExec;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import org.junit.jupiter.api.Test;

class CrossAccountImagesAllowedTest {

    private static final CrossAccountImagesAllowed RULE = new CrossAccountImagesAllowed();

    @Test
    void check_whenImageInOwnAccount_passes() {
        assertThat(checkExec(RULE, td(container("\"image\":\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1\""))))
                .isEmpty();
    }

    @Test
    void check_whenImageInAnotherAccount_saysRepositoryPolicyMustAllowRole() {
        var findings = checkExec(RULE,
                td(container("\"image\":\"210987654321.dkr.ecr.eu-west-1.amazonaws.com/base:1\"")));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("arn:aws:ecr:eu-west-1:210987654321:repository/base", "cannot be seen");
            assertThat(f.fix()).contains("\"AWS\":\"" + RoleFixtures.EXEC + "\"", "ecr:BatchGetImage");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        });
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("EXEC-ECR-XACCOUNT")).containsSame(RULE.metadata());
    }
}
