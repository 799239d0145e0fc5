package dev.ecsiamguard.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bare permission policy judged by the rules of its kind, the kind inferred by evaluation or given: the
 * execution policy AWS manages gets no deploy finding, a task role reading every secret gets one, a deploy
 * policy keeps the deploy findings, and a policy of unknown use gets POLICY-ADMIN and POLICY-PRIVESC.
 */
class BarePolicyChecksTest {

    private static final String FILE = "policy.json";
    /** AmazonECSTaskExecutionRolePolicy, as AWS publishes it. */
    private static final String MANAGED_EXECUTION = "{'Effect':'Allow','Action':['ecr:GetAuthorizationToken',"
            + "'ecr:BatchCheckLayerAvailability','ecr:GetDownloadUrlForLayer','ecr:BatchGetImage',"
            + "'logs:CreateLogStream','logs:PutLogEvents'],'Resource':'*'}";
    private static final String SECRETS_LOGS_METRICS = "{'Effect':'Allow','Action':['secretsmanager:GetSecretValue',"
            + "'logs:*','cloudwatch:*'],'Resource':'*'}";
    private static final String DEPLOY = "{'Effect':'Allow','Action':['ecs:RegisterTaskDefinition',"
            + "'ecs:UpdateService','ecr:PutImage','ecs:ExecuteCommand'],'Resource':'*'},{'Effect':'Allow',"
            + "'Action':'iam:PassRole','Resource':'*'}";

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = ';', value = {
        "managed execution policy; " + MANAGED_EXECUTION + "; EXECUTION",
        "log writes only; {'Effect':'Allow','Action':['logs:CreateLogStream','logs:PutLogEvents'],"
                + "'Resource':'arn:aws:logs:*:*:log-group:/ecs/*'}; EXECUTION",
        "ECS Exec with its logs; {'Effect':'Allow','Action':['ssmmessages:CreateControlChannel',"
                + "'ssmmessages:OpenControlChannel','logs:PutLogEvents','logs:CreateLogStream'],'Resource':'*'}; TASK",
        "deploy; " + DEPLOY + "; DEPLOY",
        "pass role to ECS tasks only; {'Effect':'Allow','Action':'iam:PassRole','Resource':'*','Condition':"
                + "{'StringEquals':{'iam:PassedToService':'ecs-tasks.amazonaws.com'}}}; DEPLOY",
        "register denied; {'Effect':'Allow','Action':'ecs:RegisterTaskDefinition','Resource':'*'},{'Effect':'Deny',"
                + "'Action':'ecs:*','Resource':'*'}; OTHER",
        "pass role to lambda only; {'Effect':'Allow','Action':'iam:PassRole','Resource':'*','Condition':"
                + "{'StringEquals':{'iam:PassedToService':'lambda.amazonaws.com'}}}; OTHER",
        "iam star may pass roles to ECS; {'Effect':'Allow','Action':'iam:*','Resource':'*'}; DEPLOY",
        "application data; {'Effect':'Allow','Action':['s3:GetObject','dynamodb:Query'],'Resource':'*'}; OTHER",
    })
    void infer_asksTheEngineWhatThePolicyAllows(String name, String statements, PolicyRoleKind expected) {
        RoleChecks.PolicyJudgement judged = judge(statements, Optional.empty(), false);

        assertThat(judged.kind()).as(name).isEqualTo(expected);
        assertThat(judged.inferred()).isTrue();
        assertThat(judged.evidence()).isNotBlank();
    }

    @Test
    void managedExecutionPolicy_isInferredExecution_andGetsNoDeployFinding() {
        Report report = judge(MANAGED_EXECUTION, Optional.empty(), false).report();

        assertThat(report.errors()).isEmpty();
        assertThat(report.findings()).extracting(f -> f.rule().id())
                .doesNotContain("DEPLOY-ECR-SCOPE", "DEPLOY-EXEC-COMMAND");
        assertThat(report.findings()).extracting(Finding::message).noneMatch(m -> m.startsWith("Deploy role"));
    }

    @Test
    void secretsLogsAndMetricsOnStar_judgedAsTaskRole_reportsTheOverBroadSecretsRead() {
        RoleChecks.PolicyJudgement judged = judge(SECRETS_LOGS_METRICS, Optional.of(PolicyRoleKind.TASK), false);

        assertThat(judged.inferred()).isFalse();
        assertThat(judged.report().findings()).extracting(f -> f.rule().id())
                .contains("TASK-SECRETS-WILDCARD", "TASK-SERVICE-WILDCARD");
        assertThat(judged.report().findings()).allSatisfy(f -> {
            assertThat(f.resourceArn()).isEqualTo(FILE);
            assertThat(f.message()).startsWith("Task role " + FILE).doesNotContain("task definition (unnamed)");
        });
    }

    @Test
    void deployKindGiven_keepsTheDeployRoleFindings() {
        List<NamedPolicy> policies = policies(DEPLOY);
        Report direct = DeployRules.check(new DeployRole(FILE, RoleChecks.NO_ACCOUNT, "aws", policies,
                Optional.empty(), Optional.empty()));

        Report judged = judge(DEPLOY, Optional.of(PolicyRoleKind.DEPLOY), false).report();

        assertThat(judged.findings()).isEqualTo(direct.findings()).isNotEmpty();
        assertThat(judged.findings()).extracting(f -> f.rule().id()).contains("DEPLOY-EXEC-COMMAND",
                "DEPLOY-ECS-PRIVESC");
    }

    @Test
    void ecsRoleOption_turnsADeployInferenceIntoATaskRole() {
        RoleChecks.PolicyJudgement judged = judge(DEPLOY, Optional.empty(), true);

        assertThat(judged.kind()).isEqualTo(PolicyRoleKind.TASK);
        assertThat(judged.evidence()).contains("--ecs-role");
        assertThat(judged.report().findings()).extracting(f -> f.rule().id()).contains("TASK-PASSROLE-STAR")
                .noneMatch(id -> id.startsWith("DEPLOY-"));
    }

    @Test
    void executionKind_whenAdminEquivalent_getsTheExecutionRoleAdminJudgement() {
        Report report = judge("{'Effect':'Allow','Action':['iam:CreateRole','iam:AttachRolePolicy'],"
                + "'Resource':'*'}", Optional.of(PolicyRoleKind.EXECUTION), false).report();

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("EXEC-OVERBROAD");
            assertThat(f.message()).startsWith("Execution role " + FILE).contains("IAM-CREATE-ROLE-ATTACH");
        });
    }

    @Test
    void otherKindGiven_whenIamStar_reportsPolicyAdminAndPolicyPrivescNamingPaths() {
        Report report = judge("{'Effect':'Allow','Action':'iam:*','Resource':'*'}", Optional.of(PolicyRoleKind.OTHER),
                false).report();

        Map<String, String> byRule = report.findings().stream().collect(java.util.stream.Collectors.toMap(
                f -> f.rule().id(), Finding::message));
        assertThat(byRule).containsOnlyKeys("POLICY-ADMIN", "POLICY-PRIVESC");
        assertThat(byRule.get("POLICY-ADMIN")).startsWith("Policy " + FILE).contains("IAM-");
        assertThat(byRule.get("POLICY-PRIVESC")).contains("IAM-ACCESS-KEY");
    }

    @Test
    void otherKind_whenAssumeAnyRoleBlockedByABoundary_reportsNothing() {
        List<NamedPolicy> policies = policies("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'*'}");
        NamedPolicy boundary = new NamedPolicy("boundary", PolicyDocument.parseIdentity(("{'Version':'2012-10-17',"
                + "'Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}").replace('\'', '"')));
        RoleDocuments bounded = new RoleDocuments(FILE, Optional.empty(), Optional.empty(), Optional.of(policies),
                Optional.of(boundary), Map.of(), false);

        Report unbounded = judge("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'*'}",
                Optional.of(PolicyRoleKind.OTHER), false).report();
        Report report = RoleChecks.checkBarePolicy(bounded, RoleChecks.Expectation.none(),
                Optional.of(PolicyRoleKind.OTHER)).report();

        assertThat(unbounded.findings()).extracting(f -> f.rule().id()).containsExactly("POLICY-PRIVESC");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void inference_whenItCannotRun_isAnErrorSoTheVerdictIsNotPass() {
        // A real policy cannot make the engine throw; a mocked one stands in for a failing evaluation.
        DeployRole failing = org.mockito.Mockito.mock(DeployRole.class);
        org.mockito.Mockito.when(failing.roleArn()).thenReturn(FILE);
        org.mockito.Mockito.when(failing.mayDoAnywhere(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any())).thenThrow(new IllegalStateException("engine failed"));
        List<dev.ecsiamguard.core.RuleError> errors = new java.util.ArrayList<>();

        PolicyKindInference.Inferred inferred = RoleChecks.inferOrFail(failing, errors);

        assertThat(inferred.kind()).isEqualTo(PolicyRoleKind.OTHER);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.ruleId()).isEqualTo(RoleChecks.KIND_INFERENCE);
            assertThat(e.message()).contains("engine failed").contains("--kind");
        });
        assertThat(new Report(FILE, List.of(), errors).passed(dev.ecsiamguard.core.Severity.CRITICAL)).isFalse();
    }

    private static RoleChecks.PolicyJudgement judge(String statements, Optional<PolicyRoleKind> kind,
                                                    boolean ecsRole) {
        RoleDocuments documents = new RoleDocuments(FILE, Optional.empty(), Optional.empty(),
                Optional.of(policies(statements)), Optional.empty(), Map.of(), ecsRole);
        return RoleChecks.checkBarePolicy(documents, RoleChecks.Expectation.none(), kind);
    }

    private static List<NamedPolicy> policies(String statements) {
        return List.of(new NamedPolicy(FILE, PolicyDocument.parseIdentity(("{'Version':'2012-10-17','Statement':["
                + statements + "]}").replace('\'', '"'))));
    }
}
