package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.checkExec;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionRoleCanPullImagesTest {

    private static final ExecutionRoleCanPullImages RULE = new ExecutionRoleCanPullImages();
    private static final String REPO = "arn:aws:ecr:eu-west-1:123456789012:repository/team/web";
    private static final TaskDefinition ECR_TD =
            td(container("\"image\":\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.0\""));

    @Test
    void check_whenRoleHasManagedPolicyShape_passes() {
        assertThat(checkExec(RULE, ECR_TD, allow("*", "ecr:GetAuthorizationToken", "ecr:BatchGetImage",
                "ecr:GetDownloadUrlForLayer"))).isEmpty();
    }

    @Test
    void check_whenRepositoryScopedToAnotherRepo_reportsWithExactStatement() {
        List<Finding> findings = checkExec(RULE, ECR_TD, allow("*", "ecr:GetAuthorizationToken"),
                allow("arn:aws:ecr:eu-west-1:123456789012:repository/other", "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceArn()).isEqualTo(RoleFixtures.TD_ARN);
            assertThat(f.message()).contains("web-exec", REPO, "container app");
            assertThat(Json.sameValue(f.fix(), "{\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchGetImage\","
                    + "\"ecr:GetDownloadUrlForLayer\"],\"Resource\":\"" + REPO + "\"}")).isTrue();
        });
    }

    @Test
    void check_whenTokenMissing_reportsGetAuthorizationTokenOnStar() {
        List<Finding> findings = checkExec(RULE, ECR_TD, allow(REPO, "ecr:BatchGetImage",
                "ecr:GetDownloadUrlForLayer"));

        assertThat(findings).singleElement().extracting(Finding::fix)
                .isEqualTo("{\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"}");
    }

    @Test
    void check_whenImageIsNotEcr_passes() {
        assertThat(checkExec(RULE, td(container("\"image\":\"public.ecr.aws/nginx/nginx:1\"")))).isEmpty();
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("EXEC-ECR-PULL")).containsSame(RULE.metadata());
    }
}
