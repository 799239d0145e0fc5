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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagePinnedTest {

    private final ImagePinned rule = new ImagePinned();

    @ParameterizedTest
    @ValueSource(strings = {
            TaskDefs.ECR_IMAGE,
            "public.ecr.aws/nginx/nginx:1.27",
            "nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "<IMAGE1_NAME>"})
    void check_whenDigestVersionTagOrPlaceholder_passes(String image) {
        assertThat(check(rule, with(container("web").image(image)))).isEmpty();
    }

    @Test
    void check_whenLatestOrNoTag_reportsMedium() {
        List<Finding> findings = check(rule, td()
                .container(container("a").image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:latest"))
                .container(container("b").image("localhost:5000/web"))
                .build());

        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.MEDIUM, Severity.MEDIUM);
        assertThat(findings.get(0).message()).endsWith("web:latest, a mutable tag.");
        assertThat(findings.get(1).message()).endsWith("localhost:5000/web without a tag, which means latest.");
        assertThat(findings.get(1).fix()).contains("localhost:5000/web@sha256:<digest>");
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-IMAGE-MUTABLE")).containsSame(rule.metadata());
    }
}
