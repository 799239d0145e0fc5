package dev.ecsiamguard.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each deploy rule on a failing and a passing statement list, judged through the policy engine. */
class DeployRulesTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-payments-api-github-deploy";
    private static final String EXEC = "arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-payments-api-execution-role";
    private static final String ONLY_ECS =
            "'Condition':{'StringEquals':{'iam:PassedToService':'ecs-tasks.amazonaws.com'}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "scoped pass role; {'Effect':'Allow','Action':'iam:PassRole','Resource':'EXEC',ONLY_ECS}; ",
        "admin; {'Effect':'Allow','Action':'*','Resource':'*'}; DEPLOY-ADMIN:CRITICAL|DEPLOY-PASSROLE-WILDCARD:HIGH"
                + "|DEPLOY-PASSROLE-NO-SERVICE:MEDIUM|DEPLOY-ECS-PRIVESC:HIGH|DEPLOY-ECS-SCOPE:MEDIUM"
                + "|DEPLOY-ECR-SCOPE:MEDIUM|DEPLOY-EXEC-COMMAND:MEDIUM",
        "pass any role to ecs; {'Effect':'Allow','Action':'iam:PassRole','Resource':'*',ONLY_ECS};"
                + " DEPLOY-PASSROLE-WILDCARD:HIGH",
        "pass role prefix; {'Effect':'Allow','Action':'iam:PassRole','Resource':'arn:aws:iam::123456789012:role/ecs-*',"
                + "ONLY_ECS}; DEPLOY-PASSROLE-WILDCARD:HIGH",
        "pass without service; {'Effect':'Allow','Action':'iam:PassRole','Resource':'EXEC'};"
                + " DEPLOY-PASSROLE-NO-SERVICE:MEDIUM",
        "one role name in any account; {'Effect':'Allow','Action':'iam:PassRole',"
                + "'Resource':'arn:aws:iam::*:role/ecsTaskExecutionRole',ONLY_ECS}; DEPLOY-PASSROLE-WILDCARD:LOW",
        "any role name in any account; {'Effect':'Allow','Action':'iam:PassRole',"
                + "'Resource':'arn:aws:iam::*:role/ecs*',ONLY_ECS}; DEPLOY-PASSROLE-WILDCARD:HIGH",
        "escalation; {'Effect':'Allow','Action':['iam:PassRole','ecs:RegisterTaskDefinition','ecs:RunTask'],"
                + "'Resource':'*',ONLY_ECS}; DEPLOY-PASSROLE-WILDCARD:HIGH|DEPLOY-ECS-PRIVESC:HIGH",
        "deny keeps pass role scoped; {'Effect':'Allow','Action':'iam:PassRole','Resource':'*',ONLY_ECS},"
                + "{'Effect':'Deny','Action':'iam:PassRole','NotResource':'EXEC'}; ",
        "ecs star; {'Effect':'Allow','Action':'ecs:*','Resource':'arn:aws:ecs:eu-west-1:123456789012:service/c/s'};"
                + " DEPLOY-ECS-SCOPE:MEDIUM|DEPLOY-EXEC-COMMAND:MEDIUM",
        "any service; {'Effect':'Allow','Action':'ecs:UpdateService',"
                + "'Resource':'arn:aws:ecs:*:123456789012:service/*'};"
                + " DEPLOY-ECS-SCOPE:MEDIUM",
        "own service; {'Effect':'Allow','Action':'ecs:UpdateService',"
                + "'Resource':'arn:aws:ecs:eu-west-1:123456789012:service/ecs-dev/payments-api'}; ",
        "push anywhere; {'Effect':'Allow','Action':'ecr:PutImage','Resource':'*'}; DEPLOY-ECR-SCOPE:MEDIUM",
        "token on star; {'Effect':'Allow','Action':'ecr:GetAuthorizationToken','Resource':'*'}; ",
        "iam star is admin-equivalent; {'Effect':'Allow','Action':'iam:*','Resource':'*'}; DEPLOY-ADMIN:CRITICAL"
                + "|DEPLOY-PASSROLE-WILDCARD:HIGH|DEPLOY-PASSROLE-NO-SERVICE:MEDIUM|DEPLOY-PRIVESC:HIGH",
        "access keys of other users; {'Effect':'Allow','Action':'iam:CreateAccessKey','Resource':'*'};"
                + " DEPLOY-PRIVESC:HIGH",
        "access keys only with MFA the call cannot show; {'Effect':'Allow','Action':'iam:CreateAccessKey',"
                + "'Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}; ",
        "pass role to a new lambda; {'Effect':'Allow','Action':['iam:PassRole','lambda:CreateFunction',"
                + "'lambda:InvokeFunction'],'Resource':'*'}; DEPLOY-PASSROLE-WILDCARD:HIGH"
                + "|DEPLOY-PASSROLE-NO-SERVICE:MEDIUM|DEPLOY-PRIVESC:HIGH",
        "assume any role; {'Effect':'Allow','Action':'sts:AssumeRole','Resource':'*'}; DEPLOY-PRIVESC:HIGH",
        "create role and attach policy; {'Effect':'Allow','Action':['iam:CreateRole','iam:AttachRolePolicy'],"
                + "'Resource':'*'}; DEPLOY-ADMIN:CRITICAL",
        "iam star denied; {'Effect':'Allow','Action':'iam:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'iam:*','Resource':'*'}; ",
        "exec command; {'Effect':'Allow','Action':'ecs:ExecuteCommand',"
                + "'Resource':'arn:aws:ecs:us-east-1:123456789012:cluster/ecs-dev'}; DEPLOY-EXEC-COMMAND:MEDIUM"})
    void check_whenStatements_reportsExpectedRules(String name, String statements, String expected) {
        String policy = "{'Version':'2012-10-17','Statement':[" + statements.replace("ONLY_ECS", ONLY_ECS)
                .replace("'EXEC'", "'" + EXEC + "'") + "]}";
        DeployRole role = new DeployRole(ROLE, "123456789012", "aws",
                List.of(new NamedPolicy("deploy", PolicyDocument.parseIdentity(Deployments.json(policy)))),
                Optional.empty(), Optional.empty());

        Report report = DeployRules.check(role);
        List<Finding> findings = report.findings();

        assertThat(report.errors()).isEmpty();

        assertThat(findings).extracting(f -> f.rule().id() + ":" + f.severity())
                .containsExactlyInAnyOrderElementsOf(expected == null ? List.of() : List.of(expected.split("\\|")));
        assertThat(findings).allMatch(f -> f.resourceArn().equals(ROLE) && f.message().endsWith("."));
    }

    @Test
    void check_whenPassRoleHasNoServiceCondition_saysAnyServiceNotLambda() {
        Report open = DeployRules.check(role("{'Effect':'Allow','Action':'iam:PassRole','Resource':'EXEC'}"));
        Report toLambda = DeployRules.check(role("{'Effect':'Allow','Action':'iam:PassRole','Resource':'EXEC',"
                + "'Condition':{'StringEquals':{'iam:PassedToService':'lambda.amazonaws.com'}}}"));

        assertThat(open.findings()).filteredOn(f -> f.rule().id().equals("DEPLOY-PASSROLE-NO-SERVICE"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("to any service")
                        .doesNotContain("lambda"));
        assertThat(toLambda.findings()).filteredOn(f -> f.rule().id().equals("DEPLOY-PASSROLE-NO-SERVICE"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("to lambda.amazonaws.com"));
    }

    private static DeployRole role(String statement) {
        String policy = "{'Version':'2012-10-17','Statement':[" + statement.replace("'EXEC'", "'" + EXEC + "'")
                + "]}";
        return new DeployRole(ROLE, "123456789012", "aws",
                List.of(new NamedPolicy("deploy", PolicyDocument.parseIdentity(Deployments.json(policy)))),
                Optional.empty(), Optional.empty());
    }
}
