package dev.ecsiamguard.core.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.roles.ExecutionRoleGaps.Gap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which gaps remediation may close: exact ARNs under the configured prefixes, nothing else. */
class RemediationPlannerTest {

    private static final String SM = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";
    private static final RemediationScope SCOPE = new RemediationScope("aws", "123456789012", "us-east-1",
            Optional.of("dev/payments-api/"), Optional.of("/dev/payments-api/"), "/ecs/dev/payments-api",
            List.of("payments-config"));

    @Test
    void plan_whenSecretIsUnderThePrefix_grantsExactlyItsArn() {
        RemediationPlan plan = plan(gap("EXEC-SECRETS-SM", SM + "dev/payments-api/db-Q1w2E3",
                "secretsmanager:GetSecretValue"));

        assertThat(plan.refused()).isEmpty();
        assertThat(plan.grants()).singleElement().satisfies(g -> {
            assertThat(g.grant()).isEqualTo(new ExecutionGrant(List.of("secretsmanager:GetSecretValue"),
                    SM + "dev/payments-api/db-Q1w2E3"));
            assertThat(g.ruleId()).isEqualTo("EXEC-SECRETS-SM");
        });
    }

    @Test
    void plan_grantsParameterLogGroupAndEnvironmentFileInAllowedPlaces() {
        RemediationPlan plan = plan(
                gap("EXEC-SECRETS-SSM", "arn:aws:ssm:us-east-1:123456789012:parameter/dev/payments-api/key",
                        "ssm:GetParameters"),
                new Gap("EXEC-LOGS", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/payments-api:log-stream:x",
                        "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/payments-api:*", "awslogs"),
                gap("EXEC-ENV-FILES", "arn:aws:s3:::payments-config/dev/app.env", "s3:GetObject"));

        assertThat(plan.refused()).isEmpty();
        assertThat(plan.grants()).extracting(g -> g.grant().resource()).containsExactly(
                "arn:aws:ssm:us-east-1:123456789012:parameter/dev/payments-api/key",
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/payments-api:*",
                "arn:aws:s3:::payments-config/dev/app.env");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "secretsmanager:GetSecretValue|" + SM + "dev/billing/db-Q1w2E3|outside the configured SecretsManagerPrefix",
        "secretsmanager:GetSecretValue|" + SM + "dev/payments-api/db-??????|not an exact ARN",
        "secretsmanager:GetSecretValue|arn:aws:secretsmanager:us-east-1:210987654321:secret:dev/payments-api/x-Q1w2E3"
                + "|not in this account and region",
        "secretsmanager:GetSecretValue|arn:aws:secretsmanager:eu-west-1:123456789012:secret:dev/payments-api/x-Q1w2E3"
                + "|not in this account and region",
        "ssm:GetParameters|arn:aws:ssm:us-east-1:123456789012:parameter/prod/payments-api/key|outside the configured",
        "logs:PutLogEvents|arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/billing:*|not the service's own",
        "s3:GetObject|arn:aws:s3:::someone-elses-bucket/app.env|not one of the allowed environment-file buckets",
        "ecr:BatchGetImage|arn:aws:ecr:us-east-1:123456789012:repository/payments/api|never grants ecr actions",
        // The spec records a log group's ARN, which grants its streams only: creating the group is not recordable.
        "logs:CreateLogGroup|arn:aws:logs:us-east-1:123456789012:log-group:/ecs/dev/payments-api:*|grants only",
        "s3:PutObject|arn:aws:s3:::payments-config/dev/app.env|grants only [s3:GetObject]",
    })
    void plan_whenGapIsOutsideWhatRemediationMayGrant_refusesWithTheReason(String action, String resource,
                                                                          String reason) {
        RemediationPlan plan = plan(gap("RULE", resource, action));

        assertThat(plan.grants()).isEmpty();
        assertThat(plan.refused()).singleElement().extracting(RemediationPlan.Refused::reason).asString()
                .contains(reason);
    }

    @Test
    void plan_whenNoPrefixIsConfigured_grantsNoSecret() {
        RemediationScope none = new RemediationScope("aws", "123456789012", "us-east-1", Optional.empty(),
                Optional.empty(), "/ecs/dev/payments-api", List.of());

        RemediationPlan plan = new RemediationPlanner(none).plan(List.of(gap("EXEC-SECRETS-SM",
                SM + "dev/payments-api/db-Q1w2E3", "secretsmanager:GetSecretValue")));

        assertThat(plan.grants()).isEmpty();
        assertThat(plan.refused().get(0).reason()).contains("no SecretsManagerPrefix is configured");
    }

    private static RemediationPlan plan(Gap... gaps) {
        return new RemediationPlanner(SCOPE).plan(List.of(gaps));
    }

    private static Gap gap(String rule, String resource, String action) {
        return new Gap(rule, List.of(action), resource, resource, "secret X of container api");
    }
}
