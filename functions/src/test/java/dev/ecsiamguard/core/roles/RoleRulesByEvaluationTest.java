package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.allow;
import static dev.ecsiamguard.core.roles.RoleFixtures.container;
import static dev.ecsiamguard.core.roles.RoleFixtures.deny;
import static dev.ecsiamguard.core.roles.RoleFixtures.policy;
import static dev.ecsiamguard.core.roles.RoleFixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The role rules decide by evaluation: each row gives a task (or execution) role's statements and, optionally, a
 * permissions boundary, and the rule ids that must fire. A Deny or a boundary that removes a grant removes the
 * finding; IAM rights on the role itself or its own managed policy make it admin-equivalent.
 */
class RoleRulesByEvaluationTest {

    private static final TaskDefinition TD = td(container("\"image\":\"nginx\""));
    private static final String OWN_POLICY = "arn:aws:iam::123456789012:policy/web-task-policy";
    private static final List<String> TASK_RULES = List.of("TASK-ADMIN", "TASK-PRIVESC", "TASK-PASSROLE-STAR",
            "TASK-SERVICE-WILDCARD");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            iam:* is admin and escalates; ALLOW:*:iam:*; -; TASK-ADMIN TASK-PRIVESC TASK-PASSROLE-STAR \
            TASK-SERVICE-WILDCARD
            a Deny on iam:* removes every IAM finding; ALLOW:*:iam:* s3:* DENY:*:iam:*; -; TASK-SERVICE-WILDCARD
            a boundary of s3:GetObject removes every finding; ALLOW:*:iam:* s3:*; ALLOW:*:s3:GetObject; -
            PutRolePolicy on itself is admin; ALLOW:SELF:iam:PutRolePolicy; -; TASK-ADMIN TASK-PRIVESC
            PutRolePolicy on another role only is not; ALLOW:OTHER:iam:PutRolePolicy; -; -
            CreatePolicyVersion on its own managed policy is admin; ALLOW:OWN:iam:CreatePolicyVersion; -; \
            TASK-ADMIN TASK-PRIVESC
            PassRole on * to any service; ALLOW:*:iam:PassRole; -; TASK-PASSROLE-STAR
            PassRole on * denied outside named roles; ALLOW:*:iam:PassRole DENY:*:iam:PassRole; -; -
            PassRole on * outside the boundary; ALLOW:*:iam:PassRole; ALLOW:*:s3:*; -
            sts:AssumeRole on * escalates; ALLOW:*:sts:AssumeRole; -; TASK-PRIVESC
            sts:AssumeRole on * denied; ALLOW:*:sts:AssumeRole DENY:*:sts:*; -; -
            dynamodb:* is a whole-service grant; ALLOW:*:dynamodb:*; -; TASK-SERVICE-WILDCARD
            dynamodb:* cut down by a boundary; ALLOW:*:dynamodb:*; ALLOW:*:dynamodb:GetItem; -
            """)
    void check_whenTaskRole_firesWhatEvaluationDecides(String title, String statements, String boundary,
                                                       String expected) {
        RoleSnapshot role = role(RoleFixtures.TASK, statements, boundary);
        RoleAnalysisContext ctx = RoleFixtures.ctx(null, role, Map.of());

        List<String> fired = RoleRules.ALL.stream().filter(r -> TASK_RULES.contains(r.metadata().id()))
                .flatMap(r -> r.check(TD, ctx).stream()).map(f -> f.rule().id()).toList();

        assertThat(fired).as(title).containsExactlyInAnyOrderElementsOf(expected == null ? List.of()
                : List.of(expected.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            iam:* is admin-equivalent; ALLOW:*:iam:*; -; can give itself full administrative access
            PassRole with RunTask escalates; ALLOW:*:iam:PassRole ecs:RegisterTaskDefinition ecs:RunTask; -; \
            PASSROLE-ECS-RUN
            the same under a boundary without PassRole; \
            ALLOW:*:iam:PassRole ecs:RegisterTaskDefinition ecs:RunTask; ALLOW:*:ecs:*; -
            """)
    void check_whenExecutionRoleCanEscalate_reportsHigh(String title, String statements, String boundary,
                                                        String expectedText) {
        RoleSnapshot role = role(RoleFixtures.EXEC, statements, boundary);

        List<Finding> high = new ExecutionRoleNotOverbroad().check(TD, RoleFixtures.ctx(role, null, Map.of()))
                .stream().filter(f -> f.severity() == Severity.HIGH).toList();

        if (expectedText == null) {
            assertThat(high).as(title).isEmpty();
        } else {
            assertThat(high).as(title).singleElement().extracting(Finding::message).asString()
                    .contains(expectedText);
        }
    }

    /**
     * Statements as {@code EFFECT:RESOURCE:action action ...} groups; RESOURCE is {@code *}, SELF (the role),
     * OTHER (another role) or OWN (its managed policy, which holds every statement).
     */
    private static RoleSnapshot role(String arn, String statements, String boundary) {
        NamedPolicy managed = new NamedPolicy(OWN_POLICY, PolicyDocument.parseIdentity(policy(parse(arn,
                statements))));
        Optional<NamedPolicy> bounded = boundary == null ? Optional.empty() : Optional.of(new NamedPolicy(
                "boundary", PolicyDocument.parseIdentity(policy(parse(arn, boundary)))));
        return new RoleSnapshot(arn, arn.substring(arn.lastIndexOf('/') + 1), "/",
                new NamedPolicy("trust", PolicyDocument.parseTrust(RoleFixtures.TRUST)), List.of(), List.of(managed),
                bounded, Map.of());
    }

    private static String[] parse(String arn, String text) {
        String[] groups = text.trim().split(" (?=ALLOW:|DENY:)");
        String[] out = new String[groups.length];
        for (int i = 0; i < groups.length; i++) {
            String[] parts = groups[i].split(":", 3);
            String resource = switch (parts[1]) {
                case "SELF" -> arn;
                case "OTHER" -> "arn:aws:iam::123456789012:role/other";
                case "OWN" -> OWN_POLICY;
                default -> parts[1];
            };
            String[] actions = parts[2].trim().split(" ");
            out[i] = parts[0].equals("ALLOW") ? allow(resource, actions) : deny(resource, actions);
        }
        return out;
    }
}
