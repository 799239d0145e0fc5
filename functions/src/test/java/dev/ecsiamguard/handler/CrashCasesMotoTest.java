package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.aws.EcrRepositories;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.testing.LocalAws;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Inputs that used to crash a handler: each is now a clear 4xx or `rejected`, before any AWS call. */
class CrashCasesMotoTest extends RejectedBeforeAnyCall {

    @Test
    void api_whenDeployRoleRequestHasOwnerIdWithoutRepositoryId_answers400NamingTheField() throws Exception {
        String event = apiEvent("post-github-deploy-roles.json", "\\\"repositoryId\\\": 789012,", "");

        Answer answer = Answer.of(handlers.invoke(AllHandlers.Kind.API, event));

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.error.get("code").asString()).isEqualTo("invalid_request");
        assertThat(answer.error.get("field").asString()).isEqualTo("repositoryId");
        assertThat(RECORDER.calls()).isEmpty();
    }

    @Test
    void api_whenPathParameterIsNull_answers400NotACrash() throws Exception {
        String event = apiEvent("get-service.json", "\"service\": \"payments-api\"", "\"service\": null");

        Answer answer = Answer.of(handlers.invoke(AllHandlers.Kind.API, event));

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.error.get("field").asString()).isEqualTo("service");
        assertThat(RECORDER.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "{}"})
    void api_whenEventIsNotAnApiGatewayRequest_answersJson4xx(String event) throws Exception {
        Answer answer = Answer.of(handlers.invoke(AllHandlers.Kind.API, event));

        assertThat(answer.status).isBetween(400, 499);
        assertThat(answer.error.get("code").asString()).isNotBlank();
        assertThat(RECORDER.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "{}"})
    void eventHandlers_whenEventIsNotAnEventBridgeEvent_reject(String event) throws Exception {
        for (AllHandlers.Kind kind : new AllHandlers.Kind[] {AllHandlers.Kind.PROVISION, AllHandlers.Kind.VALIDATE,
                AllHandlers.Kind.GITHUB}) {
            Map<String, JsonNode> result = Json.parse(handlers.invoke(kind, event)).asObject();

            assertThat(result.get("status").asString()).as(kind.name()).isEqualTo("rejected");
        }
        assertThat(RECORDER.calls()).isEmpty();
    }

    @Test
    void provision_whenRepositoryEventNamesAnotherAccount_rejectsWithoutAnyCall() throws Exception {
        String event = EnvelopeMotoTest.tampered(Files.readString(AllHandlers.EVENTS.resolve(
                "cloudtrail/ecr-create-repository.json")), "another account");

        Map<String, JsonNode> result = Json.parse(handlers.invoke(AllHandlers.Kind.PROVISION, event)).asObject();

        assertThat(result.get("status").asString()).isEqualTo("rejected");
        assertThat(result.get("error").asString()).contains("999999999999", "is not this function's account");
        assertThat(RECORDER.calls()).isEmpty();
    }

    @Test
    void repositoryTags_whenRegistryIsAnotherAccounts_isEmptyNotACrash() {
        EcrRepositories repositories = new EcrRepositories(new LocalAws(MOTO).clients().ecr());

        assertThat(repositories.tags(AccountScope.of("999999999999", "us-east-1"), "payments/api")).isEmpty();
        assertThat(repositories.tags(AccountScope.of("123456789012", "us-east-1"), "payments/api")).isPresent();
    }

    // An API Gateway sample event with one piece of its text replaced.
    private static String apiEvent(String file, String from, String to) throws Exception {
        String json = Files.readString(AllHandlers.EVENTS.resolve("apigw/" + file));
        assertThat(json).contains(from);
        return json.replace(from, to);
    }

    record Answer(int status, Map<String, JsonNode> error) {
        static Answer of(String responseJson) {
            Map<String, JsonNode> response = Json.parse(responseJson).asObject();
            Map<String, JsonNode> body = Json.parse(response.get("body").asString()).asObject();
            return new Answer(Integer.parseInt(response.get("statusCode").asNumber()),
                    body.containsKey("error") ? body.get("error").asObject() : Map.of());
        }
    }
}
