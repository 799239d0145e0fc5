package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Sample events route to the function the template's rules deliver them to, raw AWS::Events::Rule included. */
class SamTemplateRoutingTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final Path EVENTS = Path.of("..", "events");

    @Test
    void eventPatterns_whenRawRuleTargetsFunctionAlias_includesItsPattern() throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE, Map.of(), "us-east-1");

        List<Map<String, Object>> patterns = template.eventPatterns("GitHubOidcFunction");

        assertThat(patterns).hasSize(3);
        assertThat(patterns).extracting(p -> p.get("source")).containsExactlyInAnyOrder(List.of("aws.iam"),
                List.of("ecs-iam-guard.on-demand"), List.of("aws.sts"));
        assertThat(template.eventPatterns("ProvisionOnRepositoryFunction")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cloudtrail/iam-create-open-id-connect-provider.json, GitHubOidcFunction",
        "cloudtrail/iam-update-assume-role-policy.json, GitHubOidcFunction RoleChangeFunction",
        "cloudtrail/iam-create-role-github.json, GitHubOidcFunction",
        "cloudtrail/iam-put-role-policy.json, GitHubOidcFunction RoleChangeFunction",
        "cloudtrail/iam-attach-role-policy.json, GitHubOidcFunction RoleChangeFunction",
        "cloudtrail/iam-detach-role-policy.json, RoleChangeFunction",
        "cloudtrail/iam-create-policy-version.json, RoleChangeFunction",
        "cloudtrail/ecs-create-service.json, RoleChangeFunction",
        "published/task-definition-validated.json, RoleChangeFunction",
        "invalid/iam-detach-role-policy-failed-call.json, none",
        "cloudtrail/sts-assume-role-with-web-identity.json, GitHubOidcFunction",
        "cloudtrail/sts-assume-role-with-web-identity-other-org.json, GitHubOidcFunction",
        "cloudtrail/ecr-create-repository.json, ProvisionOnRepositoryFunction",
        "on-demand/github-provision.json, GitHubOidcFunction",
        "on-demand/github-check-role.json, GitHubOidcFunction",
        "invalid/sts-assume-role-with-web-identity-other-provider.json, none"})
    void eventPatterns_whenSampleEvent_routesToTheRightFunction(String file, String expected) throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE, Map.of(), "us-east-1");
        JsonNode event = JsonNode.parser().parse(Files.readString(EVENTS.resolve(file)));

        List<String> matching = template.functionIds().stream()
                .filter(id -> template.eventPatterns(id).stream().anyMatch(p -> EventPatterns.matches(p, event)))
                .toList();

        assertThat(matching).isEqualTo(expected.equals("none") ? List.of() : List.of(expected.split(" ")));
    }
}
