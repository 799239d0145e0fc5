package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.json.Json;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Never trust the envelope: an event naming another account, region or partition than the function's own is
 * rejected before any AWS call, by every event-driven function.
 */
class EnvelopeMotoTest extends RejectedBeforeAnyCall {

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
        "cloudtrail/ecr-create-repository.json, another account",
        "cloudtrail/ecr-create-repository.json, another region",
        "cloudtrail/ecr-create-repository.json, another partition",
        "cloudtrail/ecr-create-repository.json, another registry",
        "cloudtrail/ecs-register-task-definition.json, another account",
        "cloudtrail/ecs-register-task-definition.json, another region",
        "cloudtrail/ecs-register-task-definition.json, another partition",
        "cloudtrail/ecs-register-task-definition.json, another account in the revision's ARN",
        "cloudtrail/iam-create-open-id-connect-provider.json, another account",
        "cloudtrail/iam-create-open-id-connect-provider.json, another region",
        "cloudtrail/iam-put-role-policy.json, another partition",
        "cloudtrail/sts-assume-role-with-web-identity.json, another region",
        "cloudtrail/sts-assume-role-with-web-identity.json, another account in the role ARN",
        "on-demand/github-provision.json, another account",
        "on-demand/github-provision.json, another region",
        "on-demand/github-check-role.json, no account",
    })
    void handleRequest_whenEventNamesAnotherScope_rejectsBeforeAnyAwsCall(String file, String tamper)
            throws Exception {
        String json = tampered(Files.readString(AllHandlers.EVENTS.resolve(file)), tamper);

        Map<String, JsonNode> result = Json.parse(handlers.invoke(AllHandlers.kindOf(file), json)).asObject();

        assertThat(result.get("status").asString()).isEqualTo("rejected");
        assertThat(result.get("error").asString()).containsAnyOf("is not this function's", "has no `account`");
        assertThat(RECORDER.calls()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cloudtrail/ecr-create-repository.json", "cloudtrail/iam-create-open-id-connect-provider.json",
        "cloudtrail/sts-assume-role-with-web-identity.json", "on-demand/github-provision.json"})
    void handleRequest_whenEventIsTheFunctionsOwn_isNotRejected(String file) throws Exception {
        String json = Files.readString(AllHandlers.EVENTS.resolve(file));

        Map<String, JsonNode> result = Json.parse(handlers.invoke(AllHandlers.kindOf(file), json)).asObject();

        assertThat(result.get("status").asString()).isNotEqualTo("rejected");
        assertThat(RECORDER.calls()).isNotEmpty();
    }

    static String tampered(String json, String how) {
        UnaryOperator<String> change = switch (how) {
            case "another account" -> s -> s.replace("\"123456789012\"", "\"999999999999\"");
            case "another region" -> s -> s.replace("\"us-east-1\"", "\"eu-central-1\"");
            case "another partition" -> s -> s.replace("\"us-east-1\"", "\"cn-north-1\"").replace("arn:aws:",
                    "arn:aws-cn:");
            case "another registry" -> s -> s.replace("\"registryId\": \"123456789012\"",
                    "\"registryId\": \"999999999999\"");
            case "another account in the revision's ARN" -> s -> s.replace(
                    "arn:aws:ecs:us-east-1:123456789012:task-definition", "arn:aws:ecs:us-east-1:999999999999:"
                            + "task-definition");
            case "another account in the role ARN" -> s -> s.replace("\"roleArn\": \"arn:aws:iam::123456789012:",
                    "\"roleArn\": \"arn:aws:iam::999999999999:");
            case "no account" -> s -> s.replace("\"account\": \"123456789012\",", "");
            default -> throw new IllegalArgumentException(how);
        };
        String result = change.apply(json);
        assertThat(result).as("the tampering changed the event").isNotEqualTo(json);
        return result;
    }
}
