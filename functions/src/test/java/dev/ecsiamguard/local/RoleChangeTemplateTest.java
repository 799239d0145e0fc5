package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Request;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What template.yaml gives the role-change function, and how the forwarding of IAM events to regions resolves. */
class RoleChangeTemplateTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final String TABLE = "arn:aws:local:us-east-1:123456789012:RoleUsageTable";
    private static final String REVISION = "arn:aws:ecs:us-east-1:123456789012:task-definition/payments-api:1";

    @Test
    void function_readsAndIndexes_butNeverWritesIamOrEcs() throws Exception {
        PolicyEvaluator role = TemplateOwnPrivilegesTest.functionPolicy("RoleChangeFunction", Map.of());

        for (String action : List.of("dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem")) {
            assertThat(allowed(role, action, TABLE)).as(action).isTrue();
        }
        assertThat(allowed(role, "dynamodb:DeleteItem", TABLE)).isFalse();
        assertThat(allowed(role, "ecs:DescribeServices", "*")).isTrue();
        assertThat(allowed(role, "iam:ListEntitiesForPolicy", "arn:aws:iam::123456789012:policy/p")).isTrue();
        for (String write : List.of("ecs:TagResource", "ecs:DeregisterTaskDefinition", "ecs:UpdateService")) {
            assertThat(allowed(role, write, REVISION)).as(write).isFalse();
        }
        for (String write : List.of("iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePolicy",
                "iam:PassRole")) {
            assertThat(allowed(role, write, "arn:aws:iam::123456789012:role/ecs-iam-guard/x")).as(write).isFalse();
        }
    }

    @Test
    void function_alwaysAudits_andFindsItsTable() throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE, Map.of("Mode", "enforce", "DeregisterNonCompliant",
                "true"), "us-east-1");

        Map<String, String> env = template.function("RoleChangeFunction").environment();

        assertThat(env).containsEntry("MODE", "audit").containsEntry("DEREGISTER_NONCOMPLIANT", "false")
                .containsEntry("ROLE_USAGE_TABLE", "RoleUsageTable");
    }

    @Test
    @SuppressWarnings("unchecked")
    void forwardRule_hasOneBusTargetPerListedRegion() throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE,
                Map.of("ForwardRoleChangesToRegions", "eu-west-1,ap-southeast-2,eu-central-1"), "us-east-1");
        Map<String, Object> rule = SamTemplate.map(SamTemplate.map(template.raw().get("Resources"))
                .get("RoleChangeForwardRule"));

        List<Map<String, Object>> targets = (List<Map<String, Object>>) SamTemplate.map(
                template.resolveTree(rule.get("Properties"))).get("Targets");

        assertThat(targets).extracting(t -> t.get("Arn")).containsExactly(
                "arn:aws:events:eu-west-1:123456789012:event-bus/ecs-iam-guard",
                "arn:aws:events:ap-southeast-2:123456789012:event-bus/ecs-iam-guard",
                "arn:aws:events:eu-central-1:123456789012:event-bus/ecs-iam-guard");
        assertThat(rule).containsEntry("Condition", "ForwardsRoleChanges");
    }

    @Test
    void forwardRule_andFunctionRules_excludeFailedCalls() throws Exception {
        SamTemplate template = SamTemplate.load(TEMPLATE, Map.of(), "us-east-1");

        List<Map<String, Object>> patterns = template.eventPatterns("RoleChangeFunction");

        assertThat(patterns).hasSize(4);
        assertThat(patterns).filteredOn(p -> !p.get("source").equals(List.of("ecs-iam-guard")))
                .allSatisfy(p -> assertThat(SamTemplate.map(p.get("detail")).get("errorCode"))
                        .isEqualTo(List.of(Map.of("exists", false))));
    }

    private static boolean allowed(PolicyEvaluator role, String action, String resource) {
        return role.evaluate(Request.of(action, resource).withCompleteContext()).isAllowed();
    }
}
