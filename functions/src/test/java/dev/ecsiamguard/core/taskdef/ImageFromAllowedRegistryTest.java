package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFromAllowedRegistryTest {

    private final ImageFromAllowedRegistry rule = new ImageFromAllowedRegistry();

    @ParameterizedTest
    @ValueSource(strings = {
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.2.3",
            "public.ecr.aws/nginx/nginx:1.27",
            "<IMAGE1_NAME>",
            "${{ secrets.DOCKER_USERNAME }}/app:latest",
            "IMAGE_PLACEHOLDER",
            "REPOSITORY_URI:IMAGE_TAG",
            ""})
    void check_whenOwnEcrPublicEcrOrPlaceholder_passes(String image) {
        assertThat(check(rule, with(container("web").image(image)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "nginx",
            "docker.io/library/mongo:latest",
            "ghcr.io/org/app:1.0",
            "999999999999.dkr.ecr.eu-west-1.amazonaws.com/web:1",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.io/web:1"})
    void check_whenOtherRegistryAccountOrRegion_reportsHigh(String image) {
        assertThat(check(rule, with(container("web").image(image)))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void check_whenAccountUnknown_allowsAnyPrivateEcr() {
        TaskDefinition td = td().arn(null).executionRole("ecsTaskExecutionRole").taskRole(null)
                .container(container("web").image("999999999999.dkr.ecr.eu-west-1.amazonaws.com/web:1")).build();

        assertThat(check(rule, td)).isEmpty();
    }

    @Test
    void check_whenRegistriesConfigured_usesPrefixPerPathSegment() {
        TaskDefinitionContext ctx = TaskDefinitionContext.defaults()
                .withAllowedImageRegistries(List.of(TaskDefinitionContext.OWN_ECR, "ghcr.io/my-org"));

        assertThat(rule.check(with(container("web").image("ghcr.io/my-org/app:1")), ctx)).isEmpty();
        assertThat(rule.check(with(container("web").image("ghcr.io/my-org-evil/app:1")), ctx)).hasSize(1);
        assertThat(rule.check(with(container("web").image("public.ecr.aws/x/y:1")), ctx)).hasSize(1);
    }

    @Test
    void check_whenReporting_namesImageRegistryAndAllowedList() {
        assertThat(check(rule, with(container("web").image("nginx")))).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Container web of task definition web-app:3 uses image nginx from "
                    + "registry docker.io, which is not allowed.");
            assertThat(f.fix()).contains("123456789012.dkr.ecr.eu-west-1.amazonaws.com/", "public.ecr.aws/");
        });
    }

    @Test
    void check_whenEcrHostMissesItsSlash_saysTheReferenceIsMalformed_notDockerHub() {
        String image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com.dev-api:latest";

        assertThat(check(rule, with(container("web").image(image)))).singleElement().satisfies(f -> assertThat(
                f.message()).contains("not a valid registry reference", "no `/` before the repository")
                .doesNotContain("from registry docker.io"));
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-IMAGE-REGISTRY")).containsSame(rule.metadata());
    }
}
