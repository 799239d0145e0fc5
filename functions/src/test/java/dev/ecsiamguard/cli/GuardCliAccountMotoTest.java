package dev.ecsiamguard.cli;

import static dev.ecsiamguard.cli.CliRun.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.testing.MotoServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.iam.IamClient;

/** `validate --roles account` reads the roles through the IAM API (moto over HTTP) and judges them. */
class GuardCliAccountMotoTest {

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{"
            + "\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"},"
            + "\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:ecs:eu-west-1:123456789012:*\"}}}]}";
    private static final String PULL_AND_LOGS = "{\"Sid\":\"Pull\",\"Effect\":\"Allow\",\"Action\":["
            + "\"ecr:GetAuthorizationToken\",\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\","
            + "\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"*\"}";
    private static final String READ_SECRET = "{\"Sid\":\"Secret\",\"Effect\":\"Allow\",\"Action\":"
            + "\"secretsmanager:GetSecretValue\",\"Resource\":"
            + "\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf\"}";

    private final MotoServer moto = MotoServer.get();
    private IamClient iam;

    @BeforeEach
    void createRoles() {
        moto.reset();
        iam = new AwsClients(moto.settings()).iam();
        iam.createRole(r -> r.roleName("shop-task-role").path("/services/").assumeRolePolicyDocument(TRUST));
        iam.createRole(r -> r.roleName("shop-execution-role").assumeRolePolicyDocument(TRUST));
    }

    @Test
    void run_whenExecutionRoleCannotReadTheSecret_reportsItWithTheStatementToAdd() {
        putExecutionPolicy(PULL_AND_LOGS);

        CliRun run = validateAgainstMoto();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json().asObject().get("roles").asObject().get("source").text()).isEqualTo("account");
        List<JsonNode> findings = findings(run);
        assertThat(findings).extracting(f -> f.asObject().get("ruleId").text()).contains("EXEC-SECRETS-SM")
                .doesNotContain("TD-ROLE-EXISTS", "EXEC-ECR-PULL", "TRUST-CONFUSED-DEPUTY");
        assertThat(findings).filteredOn(f -> f.asObject().get("ruleId").text().equals("EXEC-SECRETS-SM"))
                .singleElement().satisfies(f -> assertThat(f.asObject().get("fix").text())
                        .contains("secretsmanager:GetSecretValue", "secret:shop/db-AbCdEf"));
    }

    @Test
    void run_whenExecutionRoleCanReadTheSecret_passes() {
        putExecutionPolicy(PULL_AND_LOGS + "," + READ_SECRET);

        CliRun run = validateAgainstMoto();

        assertThat(findings(run)).extracting(f -> f.asObject().get("ruleId").text())
                .doesNotContain("EXEC-SECRETS-SM", "TD-ROLE-EXISTS");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void run_whenTaskRoleDoesNotExist_reportsRoleExists() {
        putExecutionPolicy(PULL_AND_LOGS + "," + READ_SECRET);
        iam.deleteRole(r -> r.roleName("shop-task-role"));

        CliRun run = validateAgainstMoto();

        assertThat(findings(run)).extracting(f -> f.asObject().get("ruleId").text()).contains("TD-ROLE-EXISTS");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    private void putExecutionPolicy(String statements) {
        iam.putRolePolicy(r -> r.roleName("shop-execution-role").policyName("exec")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}"));
    }

    private CliRun validateAgainstMoto() {
        return CliRun.run(moto.environment(), AccountRoleLookupFactory.IAM_API, "validate",
                resource("cli/clean-task-definition.json"), "--roles", "account", "--format", "json");
    }

    private static List<JsonNode> findings(CliRun run) {
        return run.json().asObject().get("files").asArray().get(0).asObject().get("report").asObject()
                .get("findings").asArray();
    }
}
