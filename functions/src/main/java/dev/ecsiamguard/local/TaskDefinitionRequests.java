package dev.ecsiamguard.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EnvironmentFile;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Replays what a user did: turns the {@code requestParameters} of a CloudTrail RegisterTaskDefinition record into
 * the SDK request, for the fields the sample events use (the local demo and the end-to-end tests register with it).
 */
public final class TaskDefinitionRequests {

    private TaskDefinitionRequests() {
    }

    public static RegisterTaskDefinitionRequest fromCloudTrail(JsonNode request) {
        RegisterTaskDefinitionRequest.Builder b = RegisterTaskDefinitionRequest.builder();
        text(request, "family").ifPresent(b::family);
        text(request, "taskRoleArn").ifPresent(b::taskRoleArn);
        text(request, "executionRoleArn").ifPresent(b::executionRoleArn);
        text(request, "networkMode").ifPresent(b::networkMode);
        text(request, "cpu").ifPresent(b::cpu);
        text(request, "memory").ifPresent(b::memory);
        b.requiresCompatibilitiesWithStrings(strings(request, "requiresCompatibilities"));
        b.tags(objects(request, "tags").stream().map(t -> Tag.builder().key(text(t, "key").orElse(""))
                .value(text(t, "value").orElse("")).build()).toList());
        b.containerDefinitions(objects(request, "containerDefinitions").stream()
                .map(TaskDefinitionRequests::container).toList());
        return b.build();
    }

    private static ContainerDefinition container(JsonNode c) {
        ContainerDefinition.Builder b = ContainerDefinition.builder();
        text(c, "name").ifPresent(b::name);
        text(c, "image").ifPresent(b::image);
        text(c, "user").ifPresent(b::user);
        bool(c, "essential", b::essential);
        bool(c, "readonlyRootFilesystem", b::readonlyRootFilesystem);
        bool(c, "privileged", b::privileged);
        text(c, "memory").map(Integer::valueOf).ifPresent(b::memory);
        b.portMappings(objects(c, "portMappings").stream().map(p -> PortMapping.builder()
                .containerPort(text(p, "containerPort").map(Integer::valueOf).orElse(null))
                .protocol(text(p, "protocol").orElse(null)).build()).toList());
        b.environment(objects(c, "environment").stream().map(e -> KeyValuePair.builder()
                .name(text(e, "name").orElse(null)).value(text(e, "value").orElse(null)).build()).toList());
        b.environmentFiles(objects(c, "environmentFiles").stream().map(e -> EnvironmentFile.builder()
                .value(text(e, "value").orElse(null)).type(text(e, "type").orElse("s3")).build()).toList());
        b.secrets(secrets(c, "secrets"));
        c.field("repositoryCredentials").flatMap(r -> text(r, "credentialsParameter"))
                .ifPresent(p -> b.repositoryCredentials(r -> r.credentialsParameter(p)));
        c.field("logConfiguration").filter(JsonNode::isObject).ifPresent(log -> b.logConfiguration(
                LogConfiguration.builder().logDriver(text(log, "logDriver").orElse(null))
                        .options(stringMap(log, "options")).secretOptions(secrets(log, "secretOptions")).build()));
        return b.build();
    }

    private static List<Secret> secrets(JsonNode owner, String key) {
        return objects(owner, key).stream().map(s -> Secret.builder().name(text(s, "name").orElse(null))
                .valueFrom(text(s, "valueFrom").orElse(null)).build()).toList();
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.field(field).filter(n -> n.isString() || n.isNumber())
                .map(n -> n.isString() ? n.asString() : n.asNumber());
    }

    private static void bool(JsonNode node, String field, Consumer<Boolean> setter) {
        node.field(field).filter(JsonNode::isBoolean).map(JsonNode::asBoolean).ifPresent(setter);
    }

    private static List<String> strings(JsonNode node, String field) {
        return node.field(field).filter(JsonNode::isArray).map(JsonNode::asArray).orElse(List.of()).stream()
                .filter(JsonNode::isString).map(JsonNode::asString).toList();
    }

    private static List<JsonNode> objects(JsonNode node, String field) {
        return node.field(field).filter(JsonNode::isArray).map(JsonNode::asArray).orElse(List.of()).stream()
                .filter(JsonNode::isObject).toList();
    }

    private static Map<String, String> stringMap(JsonNode node, String field) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        node.field(field).filter(JsonNode::isObject).ifPresent(o -> o.asObject().forEach((k, v) -> {
            if (v.isString()) {
                out.put(k, v.asString());
            }
        }));
        return out;
    }
}
