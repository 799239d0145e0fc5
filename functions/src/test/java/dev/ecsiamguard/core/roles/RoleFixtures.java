package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test factories: a Fargate revision in eu-west-1 with one container, and roles built from inline policies. */
final class RoleFixtures {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String TD_ARN = "arn:aws:ecs:eu-west-1:" + ACCOUNT + ":task-definition/web:3";
    static final String EXEC = "arn:aws:iam::" + ACCOUNT + ":role/web-exec";
    static final String TASK = "arn:aws:iam::" + ACCOUNT + ":role/web-task";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private RoleFixtures() {
    }

    /** A revision with the given container definitions (JSON objects), both roles set. */
    static TaskDefinition td(String... containers) {
        return TaskDefinitionParser.parse("{\"taskDefinitionArn\":\"" + TD_ARN + "\",\"family\":\"web\","
                + "\"revision\":3,\"requiresCompatibilities\":[\"FARGATE\"],\"networkMode\":\"awsvpc\","
                + "\"executionRoleArn\":\"" + EXEC + "\",\"taskRoleArn\":\"" + TASK + "\","
                + "\"containerDefinitions\":[" + String.join(",", containers) + "]}");
    }

    /** A container named {@code app} with extra JSON members, e.g. {@code "image":"nginx"}. */
    static String container(String members) {
        return "{\"name\":\"app\"" + (members.isEmpty() ? "" : "," + members) + "}";
    }

    static String allow(String resource, String... actions) {
        return statement("Allow", resource, actions);
    }

    static String deny(String resource, String... actions) {
        return statement("Deny", resource, actions);
    }

    private static String statement(String effect, String resource, String... actions) {
        List<String> quoted = new ArrayList<>();
        for (String a : actions) {
            quoted.add("\"" + a + "\"");
        }
        return "{\"Effect\":\"" + effect + "\",\"Action\":[" + String.join(",", quoted) + "],\"Resource\":\""
                + resource + "\"}";
    }

    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    /** A role whose only permission policy is one inline policy made of these statements. */
    static RoleSnapshot role(String arn, String... statements) {
        List<NamedPolicy> inline = statements.length == 0 ? List.of()
                : List.of(new NamedPolicy("inline", PolicyDocument.parseIdentity(policy(statements))));
        return new RoleSnapshot(arn, arn.substring(arn.lastIndexOf('/') + 1), "/",
                new NamedPolicy("trust", PolicyDocument.parseTrust(TRUST)), inline, List.of(), Optional.empty(),
                Map.of());
    }

    static RoleAnalysisContext ctx(RoleSnapshot exec, RoleSnapshot task, Map<String, String> tags) {
        return new RoleAnalysisContext("aws", REGION, ACCOUNT, resolution(exec), resolution(task), tags);
    }

    static List<Finding> check(RoleRule rule, TaskDefinition td, RoleSnapshot exec, RoleSnapshot task) {
        return rule.check(td, ctx(exec, task, Map.of()));
    }

    static List<Finding> checkExec(RoleRule rule, TaskDefinition td, String... execStatements) {
        return check(rule, td, role(EXEC, execStatements), null);
    }

    static List<Finding> checkTask(RoleRule rule, TaskDefinition td, String... taskStatements) {
        return check(rule, td, null, role(TASK, taskStatements));
    }

    private static RoleResolution resolution(RoleSnapshot role) {
        return role == null ? RoleResolution.unknown("not given") : RoleResolution.found(role);
    }
}
