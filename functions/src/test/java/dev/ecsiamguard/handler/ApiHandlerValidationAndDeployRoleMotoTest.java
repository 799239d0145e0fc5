package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.aws.IamDocuments;
import dev.ecsiamguard.core.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API function's validation and GitHub deploy-role routes end to end against moto, as `template.yaml` has them. */
class ApiHandlerValidationAndDeployRoleMotoTest extends ApiHandlerMotoFixture {

    @Test
    void validationRoutes_whenDocumentOrRegisteredRevision_judgeItWithTheAccountsRoles() throws Exception {
        Response document = invoke(read("apigw/post-validations.json"));
        Response unknownArn = invoke(read("apigw/post-validations-arn.json"));
        for (int revision = 1; revision <= 1; revision++) {
            aws.clients().ecs().registerTaskDefinition(r -> r.family("payments-api").requiresCompatibilities(
                    software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE).networkMode("awsvpc")
                    .cpu("256").memory("512")
                    .executionRoleArn("arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-payments-api-execution-role")
                    .containerDefinitions(c -> c.name("api").essential(true).memory(512)
                            .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/payments/api:1.0.0")));
        }

        Response byArn = invoke(read("apigw/post-validations-arn.json"));

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().get("verdict").asString()).isEqualTo("fail");
        assertThat(document.body().get("threshold").asString()).isEqualTo("HIGH");
        assertThat(document.body().get("findings").asArray()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.asObject()).containsKeys("ruleId", "severity", "message", "fix"));
        assertThat(document.body().toString()).doesNotContain("hunter2");
        assertThat(unknownArn.status()).isEqualTo(404);
        assertThat(byArn.status()).isEqualTo(200);
        assertThat(byArn.body().get("subject").asString())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/payments-api:1");
        assertThat(byArn.body().get("findings").asArray()).extracting(f -> f.asObject().get("ruleId").asString())
                .contains("TD-ROLE-EXISTS");
        assertThat(byArn.body().get("verdict").asString()).isEqualTo("fail");
        assertThat(iam.listRoles().roles()).isEmpty();
    }

    @Test
    void deployRoleRoute_whenRequested_createsProviderAndPinnedRoleAndReplaysAsNoOp() throws Exception {
        Response first = invoke(read("apigw/post-github-deploy-roles.json"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(texts(first.body().get("changes"))).anyMatch(c -> c.contains("ecs-payments-api-github-deploy"));
        String trust = IamDocuments.decode(iam.getRole(r -> r.roleName("ecs-payments-api-github-deploy")).role()
                .assumeRolePolicyDocument());
        assertThat(trust).contains("repo:acme@123456/payments-api@789012:ref:refs/heads/main",
                "repo:acme@123456/payments-api@789012:environment:production", "sts.amazonaws.com");
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).hasSize(1);

        recorder.clear();
        var replay = handler().handleRequest(loadEvent("apigw/post-github-deploy-roles.json"), context());

        assertThat(replay.getStatusCode()).isEqualTo(200);
        assertThat(Json.parse(replay.getBody()).asObject().get("changes").asArray()).isEmpty();
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void deployRoleRoute_whenServiceIsConfiguredForAnotherRepository_answers409AndWritesNothing() throws Exception {
        String configured = "[{\"service\":\"payments-api\",\"repository\":\"acme/payments-monorepo\","
                + "\"branches\":[\"main\"],\"ecrRepository\":\"payments/api\"}]";

        Response response = invoke(read("apigw/post-github-deploy-roles.json"),
                Map.of("GITHUB_DEPLOYMENTS", configured));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().get("error").asObject().get("message").asString())
                .contains("acme/payments-monorepo", "GitHubDeployments");
        assertThat(iam.listRoles().roles()).isEmpty();
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
    }
}
