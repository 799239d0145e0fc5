package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file in `events/` against every rule of `template.yaml`, through Event Ruler: each reaches exactly the
 * functions listed here (none for API Gateway requests, which API Gateway routes, and for what no rule wants).
 */
class EventRoutesTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final Path EVENTS = Path.of("..", "events");
    private static final String PROVISION = "ProvisionOnRepositoryFunction";
    private static final String VALIDATE = "ValidateTaskDefinitionFunction";
    private static final String GITHUB = "GitHubOidcFunction";
    private static final String ROLE_CHANGE = "RoleChangeFunction";
    private static final String GITHUB_AND_ROLE_CHANGE = GITHUB + "," + ROLE_CHANGE;

    private static final Map<String, String> ROUTES = new TreeMap<>(Map.ofEntries(
            Map.entry("cloudtrail/ecr-create-repository.json", PROVISION),
            Map.entry("cloudtrail/ecr-create-repository-orders.json", PROVISION),
            Map.entry("cloudtrail/ecs-register-task-definition.json", VALIDATE),
            Map.entry("cloudtrail/ecs-register-task-definition-family-only.json", VALIDATE),
            Map.entry("cloudtrail/iam-attach-role-policy.json", GITHUB_AND_ROLE_CHANGE),
            Map.entry("cloudtrail/iam-create-open-id-connect-provider.json", GITHUB),
            Map.entry("cloudtrail/iam-create-role-github.json", GITHUB),
            Map.entry("cloudtrail/iam-put-role-policy.json", GITHUB_AND_ROLE_CHANGE),
            Map.entry("cloudtrail/iam-update-assume-role-policy.json", GITHUB_AND_ROLE_CHANGE),
            Map.entry("cloudtrail/sts-assume-role-with-web-identity.json", GITHUB),
            Map.entry("cloudtrail/sts-assume-role-with-web-identity-denied.json", GITHUB),
            Map.entry("cloudtrail/sts-assume-role-with-web-identity-enterprise-issuer.json", GITHUB),
            Map.entry("cloudtrail/sts-assume-role-with-web-identity-other-org.json", GITHUB),
            Map.entry("cloudtrail/sts-assume-role-with-web-identity-other-repository.json", GITHUB),
            Map.entry("cloudtrail/iam-attach-role-policy-admin-to-task-role.json", GITHUB_AND_ROLE_CHANGE),
            Map.entry("cloudtrail/iam-create-policy-version.json", ROLE_CHANGE),
            Map.entry("cloudtrail/iam-delete-role-permissions-boundary.json", ROLE_CHANGE),
            Map.entry("cloudtrail/iam-delete-role-policy.json", ROLE_CHANGE),
            Map.entry("cloudtrail/iam-detach-role-policy.json", ROLE_CHANGE),
            Map.entry("cloudtrail/iam-put-role-permissions-boundary.json", ROLE_CHANGE),
            Map.entry("cloudtrail/iam-set-default-policy-version.json", ROLE_CHANGE),
            Map.entry("cloudtrail/ecs-create-service.json", ROLE_CHANGE),
            Map.entry("cloudtrail/ecs-update-service.json", ROLE_CHANGE),
            Map.entry("published/task-definition-validated.json", ROLE_CHANGE),
            Map.entry("on-demand/github-check-role.json", GITHUB),
            Map.entry("on-demand/github-provision.json", GITHUB),
            // reach the function, which rejects them with a reason (nothing a pattern can see)
            Map.entry("invalid/ecr-create-repository-bad-name.json", PROVISION),
            Map.entry("invalid/ecr-create-repository-missing-name.json", PROVISION),
            Map.entry("invalid/ecr-create-repository-name-too-long.json", PROVISION),
            Map.entry("invalid/ecs-register-task-definition-no-family.json", VALIDATE),
            Map.entry("invalid/github-request-unknown-action.json", GITHUB),
            Map.entry("invalid/iam-create-open-id-connect-provider-gitlab.json", GITHUB),
            Map.entry("invalid/iam-put-role-policy-missing-role-name.json", GITHUB_AND_ROLE_CHANGE),
            Map.entry("invalid/sts-assume-role-with-web-identity-malformed-subject.json", GITHUB),
            // no rule delivers them: failed calls, other events, other or look-alike issuers
            Map.entry("invalid/ecr-create-repository-failed-call.json", "none"),
            Map.entry("invalid/ecs-register-task-definition-failed-call.json", "none"),
            Map.entry("invalid/iam-create-open-id-connect-provider-failed-call.json", "none"),
            Map.entry("invalid/iam-create-role-failed-call.json", "none"),
            Map.entry("invalid/iam-detach-role-policy-failed-call.json", "none"),
            Map.entry("invalid/ecr-delete-repository.json", "none"),
            Map.entry("invalid/not-cloudtrail.json", "none"),
            Map.entry("invalid/sts-assume-role-with-web-identity-other-provider.json", "none"),
            Map.entry("invalid/sts-assume-role-with-web-identity-look-alike-issuer.json", "none")));

    @Test
    void functionsFor_everySampleEvent_reachesExactlyItsFunction() throws Exception {
        EventRoutes routes = EventRoutes.of(SamTemplate.load(TEMPLATE, Map.of(), "us-east-1"));
        Map<String, String> actual = new TreeMap<>();
        for (Path file : eventFiles()) {
            String name = EVENTS.relativize(file).toString().replace('\\', '/');
            if (name.startsWith("apigw/") || name.startsWith("invalid/apigw-")) {
                assertThat(routes.functionsFor(Files.readString(file))).as(name).isEmpty();
                continue;
            }
            List<String> functions = routes.functionsFor(Files.readString(file));
            actual.put(name, functions.isEmpty() ? "none" : String.join(",", functions));
        }

        assertThat(actual).isEqualTo(ROUTES);
    }

    @Test
    void functionsFor_patternsEventBridgeSupports_matchLikeEventBridge(@TempDir Path dir) throws Exception {
        Path template = templateWithPattern(dir, "Fn", """
                source: [test]
                detail:
                  tags: [blue]
                  size: [{numeric: [">=", 5, "<", 6]}]
                  errorCode: [{exists: false}]
                  state: [{anything-but: [deleted]}]
                """);
        EventRoutes routes = EventRoutes.of(SamTemplate.load(template, Map.of(), "us-east-1"));

        assertThat(routes.functionsFor(event("\"tags\": [\"red\", \"blue\"], \"size\": 5.0, \"state\": \"new\"")))
                .containsExactly("Fn");
        assertThat(routes.functionsFor(event("\"tags\": \"blue\", \"size\": 5, \"state\": \"new\"")))
                .containsExactly("Fn");
        assertThat(routes.functionsFor(event("\"tags\": [\"red\"], \"size\": 5, \"state\": \"new\""))).isEmpty();
        assertThat(routes.functionsFor(event("\"tags\": \"blue\", \"size\": 6, \"state\": \"new\""))).isEmpty();
        assertThat(routes.functionsFor(event("\"tags\": \"blue\", \"size\": 5, \"state\": \"deleted\""))).isEmpty();
        assertThat(routes.functionsFor(event("\"tags\": \"blue\", \"size\": 5, \"state\": \"new\","
                + " \"errorCode\": \"AccessDenied\""))).isEmpty();
    }

    @Test
    void of_whenPatternIsNotValid_namesTheFunction(@TempDir Path dir) throws Exception {
        Path template = templateWithPattern(dir, "Broken", """
                source: [{numeric: [">", "five"]}]
                """);
        SamTemplate loaded = SamTemplate.load(template, Map.of(), "us-east-1");

        assertThatThrownBy(() -> EventRoutes.of(loaded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Broken");
    }

    /** A template with one function whose one EventBridge rule has this pattern (YAML, unindented). */
    private static Path templateWithPattern(Path dir, String function, String pattern) throws Exception {
        String indented = pattern.lines().map(line -> "                " + line).collect(Collectors.joining("\n"));
        return Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  %s:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Events:
                        E:
                          Type: EventBridgeRule
                          Properties:
                            Pattern:
                %s
                """.formatted(function, indented));
    }

    private static String event(String detailFields) {
        return "{\"source\": \"test\", \"detail-type\": \"t\", \"detail\": {" + detailFields + "}}";
    }

    private static List<Path> eventFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(EVENTS)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
