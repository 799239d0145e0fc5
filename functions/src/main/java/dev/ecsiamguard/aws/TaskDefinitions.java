package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/** Reads a task definition revision with its tags, and applies enforcement (tag, deregister), one ECS call each. */
public final class TaskDefinitions {

    private final EcsClient ecs;

    public TaskDefinitions(EcsClient ecs) {
        this.ecs = ecs;
    }

    /** A described revision in core form, with its tags. */
    public record Described(TaskDefinition definition, String status, Map<String, String> tags) {
    }

    /** The revision by ARN or {@code family} (latest ACTIVE), or empty when ECS does not know it. */
    public Optional<Described> describe(String arnOrFamily) {
        DescribeTaskDefinitionResponse response;
        try {
            response = ecs.describeTaskDefinition(r -> r.taskDefinition(arnOrFamily).include(TaskDefinitionField.TAGS));
        } catch (ClientException unknown) {
            return Optional.empty();
        }
        Map<String, String> tags = new TreeMap<>();
        response.tags().forEach(t -> tags.put(t.key(), t.value()));
        return Optional.of(new Described(EcsTaskDefinitionMapper.toCore(response.taskDefinition()),
                response.taskDefinition().statusAsString(), tags));
    }

    public void tag(String taskDefinitionArn, String key, String value) {
        ecs.tagResource(r -> r.resourceArn(taskDefinitionArn).tags(t -> t.key(key).value(value)));
    }

    public void deregister(String taskDefinitionArn) {
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(taskDefinitionArn));
    }
}
