package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template's EventBridge patterns per function, raw AWS::Events::Rule included (routes: EventRoutesTest). */
class SamTemplateRoutingTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");

    @Test
    void eventPatterns_whenRawRuleTargetsFunctionAlias_includesItsPattern() throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE, Map.of(), "us-east-1");

        List<Map<String, Object>> patterns = template.eventPatterns("GitHubOidcFunction");

        assertThat(patterns).hasSize(3);
        assertThat(patterns).extracting(p -> p.get("source")).containsExactlyInAnyOrder(List.of("aws.iam"),
                List.of("ecs-iam-guard.on-demand"), List.of("aws.sts"));
        assertThat(template.eventPatterns("ProvisionOnRepositoryFunction")).hasSize(1);
    }
}
