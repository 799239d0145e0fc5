package dev.ecsiamguard.api;

import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParseException;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParser;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** `POST /validations`, validated: either a task definition document or the ARN of a registered revision. */
public sealed interface ValidationRequest {

    Pattern TASK_DEFINITION_ARN = Pattern.compile(
            "arn:aws[a-z-]*:ecs:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:task-definition/[A-Za-z0-9_-]{1,255}:[1-9]\\d{0,8}");

    /** A task definition as `register-task-definition` or `describe-task-definition` JSON. */
    record Document(TaskDefinition taskDefinition) implements ValidationRequest {
    }

    /** A registered revision, to be described first. */
    record ByArn(String taskDefinitionArn) implements ValidationRequest {
    }

    static ValidationRequest parse(String body) {
        JsonNode root = root(body);
        var fields = root.isObject() ? root.asObject() : java.util.Map.<String, JsonNode>of();
        if (fields.containsKey("taskDefinitionArn") && !fields.containsKey("containerDefinitions")
                && !fields.containsKey("taskDefinition")) {
            JsonBody.parse(body, false, Set.of("taskDefinitionArn"));
            JsonNode arn = fields.get("taskDefinitionArn");
            if (!arn.isString() || !TASK_DEFINITION_ARN.matcher(arn.asString()).matches()) {
                throw ApiException.invalid("taskDefinitionArn", "must be a task definition revision ARN such as"
                        + " arn:aws:ecs:us-east-1:123456789012:task-definition/web:3");
            }
            return new ByArn(arn.asString());
        }
        try {
            return new Document(TaskDefinitionParser.parse(body));
        } catch (TaskDefinitionParseException e) {
            String field = e.location().isEmpty() ? "body" : e.location();
            throw new ApiException(400, "invalid_task_definition", e.getMessage(), field);
        }
    }

    private static JsonNode root(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.malformedBody("the request needs a task definition document or"
                    + " {\"taskDefinitionArn\": ...}");
        }
        try {
            return JsonNode.parser().parse(body);
        } catch (RuntimeException e) {
            throw ApiException.malformedBody("the body is not valid JSON");
        }
    }
}
