package dev.ecsiamguard.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.roles.RoleAnalysisContext;
import dev.ecsiamguard.core.roles.RoleLookup;
import dev.ecsiamguard.core.roles.RoleResolution;
import dev.ecsiamguard.core.roles.RoleRule;
import dev.ecsiamguard.core.roles.RoleSnapshot;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionContext;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskDefinitionValidatorTest {

    private static final String TD_JSON = "{\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:123456789012:"
            + "task-definition/web:1\",\"family\":\"web\",\"revision\":1,\"requiresCompatibilities\":[\"FARGATE\"],"
            + "\"executionRoleArn\":\"arn:aws:iam::123456789012:role/web-exec\",\"containerDefinitions\":[{"
            + "\"name\":\"app\",\"image\":\"nginx\",\"secrets\":[{\"name\":\"DB\",\"valueFrom\":"
            + "\"arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf\"}]}]}";

    private static final String BARE_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String GUARDED_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{"
            + "\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"},"
            + "\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:ecs:us-east-1:123456789012:*\"}}}]}";

    private static RoleLookup lookup(String execPolicy) {
        return lookup(execPolicy, BARE_TRUST);
    }

    private static RoleLookup lookup(String execPolicy, String trust) {
        RoleSnapshot exec = new RoleSnapshot("arn:aws:iam::123456789012:role/web-exec", "web-exec", "/",
                new NamedPolicy("trust", PolicyDocument.parseTrust(trust)),
                List.of(new NamedPolicy("p", PolicyDocument.parseIdentity(execPolicy))), List.of(), Optional.empty(),
                Map.of());
        return name -> name.endsWith("web-exec") ? RoleResolution.found(exec) : RoleResolution.missing("none");
    }

    private static List<String> ids(Report report) {
        return report.findings().stream().map(f -> f.rule().id()).toList();
    }

    @Test
    void validate_whenRoleCannotReadSecret_addsRoleFindingToContentFindings() {
        TaskDefinition td = TaskDefinitionParser.parse(TD_JSON);
        Report report = new TaskDefinitionValidator(TaskDefinitionContext.defaults()).validate(td,
                lookup("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\","
                        + "\"Resource\":\"*\"}]}"));

        assertThat(ids(report)).contains("EXEC-SECRETS-SM", "TD-IMAGE-MUTABLE");
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void validate_whenRoleCanReadSecret_reportsNoRoleFinding() {
        TaskDefinition td = TaskDefinitionParser.parse(TD_JSON);
        Report report = new TaskDefinitionValidator(TaskDefinitionContext.defaults()).validate(td,
                lookup("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"secretsmanager:GetSecretValue\",\"Resource\":\"arn:aws:secretsmanager:us-east-1:"
                        + "123456789012:secret:db-AbCdEf\"}]}"));

        assertThat(ids(report)).doesNotContain("EXEC-SECRETS-SM", "TD-ROLE-EXISTS");
    }

    @Test
    void validate_whenExecutionRoleTrustLacksSourceConditions_reportsConfusedDeputyOnTheRole() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\","
                + "\"Resource\":\"*\"}]}";
        TaskDefinitionValidator validator = new TaskDefinitionValidator(TaskDefinitionContext.defaults());

        Report bare = validator.validate(TaskDefinitionParser.parse(TD_JSON), lookup(policy, BARE_TRUST));
        Report guarded = validator.validate(TaskDefinitionParser.parse(TD_JSON), lookup(policy, GUARDED_TRUST));

        assertThat(bare.findings()).filteredOn(f -> f.rule().id().equals("TRUST-CONFUSED-DEPUTY"))
                .extracting(Finding::resourceArn).containsExactly("arn:aws:iam::123456789012:role/web-exec");
        assertThat(ids(guarded)).doesNotContain("TRUST-CONFUSED-DEPUTY", "TRUST-SOURCEARN-WRONG", "EXEC-TRUST");
    }

    @Test
    void validate_whenRolesSkipped_runsContentRulesOnly() {
        Report report = new TaskDefinitionValidator(TaskDefinitionContext.defaults())
                .validate(TaskDefinitionParser.parse(TD_JSON), RoleLookup.SKIPPED);

        assertThat(ids(report)).allMatch(id -> id.startsWith("TD-") || id.equals("EXEC-ROLE-MISSING"))
                .doesNotContain("TD-ROLE-EXISTS");
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void validate_whenARoleRuleThrows_recordsRuleErrorAndKeepsOthers() {
        RoleRule broken = new RoleRule() {
            @Override
            public RuleMetadata metadata() {
                return new RuleMetadata("TASK-SHARED", Severity.LOW, "Broken on purpose", "None.");
            }

            @Override
            public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
                throw new IllegalStateException("boom");
            }
        };
        TaskDefinitionValidator validator = new TaskDefinitionValidator(TaskDefinitionContext.defaults(),
                List.of(broken), null);

        Report report = validator.validate(TaskDefinitionParser.parse(TD_JSON), lookup("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}]}"));

        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.ruleId()).isEqualTo("TASK-SHARED");
            assertThat(e.message()).contains("boom");
        });
        assertThat(ids(report)).contains("TD-IMAGE-MUTABLE");
    }

    @Test
    void validate_whenNoArnAndNoDefaultRegion_reportsRuleErrorInsteadOfGuessing() {
        String withoutRegionHints = TD_JSON.replace("\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:123456789012:"
                + "task-definition/web:1\",", "")
                .replace("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", "db-password");
        TaskDefinitionContext ctx = TaskDefinitionContext.defaults().withAccountId("123456789012");
        RoleLookup roles = lookup("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"logs:*\",\"Resource\":\"*\"}]}");

        Report withoutRegion = new TaskDefinitionValidator(ctx)
                .validate(TaskDefinitionParser.parse(withoutRegionHints), roles);
        Report withRegion = new TaskDefinitionValidator(ctx, "us-east-1")
                .validate(TaskDefinitionParser.parse(withoutRegionHints), roles);

        assertThat(withoutRegion.errors()).isNotEmpty().allMatch(e -> e.message().contains("region"));
        assertThat(withRegion.errors()).isEmpty();
    }

    @Test
    void validate_whenNoArnButOwnEcrImage_takesTheRegionFromTheImage() {
        String withoutArn = TD_JSON.replace("\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:123456789012:"
                + "task-definition/web:1\",", "").replace("\"image\":\"nginx\"", "\"image\":\"123456789012.dkr.ecr."
                + "eu-west-1.amazonaws.com/web:1\"").replace("secretsmanager:us-east-1", "secretsmanager:eu-west-1");
        RoleLookup roles = lookup("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"ecr:*\",\"Resource\":\"arn:aws:ecr:eu-west-1:123456789012:repository/web\"}]}");

        Report report = new TaskDefinitionValidator(TaskDefinitionContext.defaults().withAccountId("123456789012"))
                .validate(TaskDefinitionParser.parse(withoutArn), roles);

        assertThat(report.errors()).isEmpty();
        // The policy allows pulls from the eu-west-1 repository only: judged allowed, so the image's region was used.
        assertThat(report.findings()).filteredOn(f -> f.rule().id().equals("EXEC-ECR-PULL"))
                .extracting(Finding::message).noneMatch(m -> m.contains("BatchGetImage"));
    }
}
