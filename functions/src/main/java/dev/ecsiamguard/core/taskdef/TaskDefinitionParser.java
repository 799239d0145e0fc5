package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.taskdef.ContainerDefinition.EnvironmentFile;
import dev.ecsiamguard.core.taskdef.ContainerDefinition.EnvironmentVariable;
import dev.ecsiamguard.core.taskdef.ContainerDefinition.MountPoint;
import dev.ecsiamguard.core.taskdef.ContainerDefinition.Secret;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Reads the task definition JSON users actually have: a {@code register-task-definition --cli-input-json}
 * file, the output of {@code describe-task-definition} (wrapped in {@code taskDefinition}), a definition with
 * read-only fields, or a bare {@code containerDefinitions} array as Terraform templates hold it.
 */
public final class TaskDefinitionParser {

    private TaskDefinitionParser() {
    }

    /**
     * Parses one task definition document.
     *
     * @throws TaskDefinitionParseException when the text is not JSON or does not have a task definition's shape
     */
    public static TaskDefinition parse(String json) {
        if (json == null || json.isBlank()) {
            throw new TaskDefinitionParseException("", "empty input: expected a task definition JSON object");
        }
        JsonNode root;
        try {
            root = JsonNode.parser().parse(json);
        } catch (RuntimeException e) {
            throw new TaskDefinitionParseException("", "not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root.isArray()) {
            return taskDefinition(null, bareArray(root), "");
        }
        JsonReader top = JsonReader.of(root, "");
        JsonReader described = top.object("taskDefinition");
        if (described != null) {
            return fromObject(described);
        }
        return fromObject(top);
    }

    private static TaskDefinition fromObject(JsonReader td) {
        if (!td.has("containerDefinitions")) {
            throw new TaskDefinitionParseException(td.at("containerDefinitions"), "missing: a task definition "
                    + "needs at least one container");
        }
        return taskDefinition(td, td.array("containerDefinitions"), td.at("containerDefinitions"));
    }

    private static TaskDefinition taskDefinition(JsonReader td, List<Map.Entry<String, JsonNode>> containerNodes,
                                                 String containersPath) {
        if (containerNodes.isEmpty()) {
            throw new TaskDefinitionParseException(containersPath, "empty: a task definition needs at least one "
                    + "container");
        }
        List<ContainerDefinition> containers = containerNodes.stream()
                .map(e -> container(JsonReader.of(e.getValue(), e.getKey())))
                .toList();
        if (td == null) {
            return new TaskDefinition(null, null, 0, null, null, null, List.of(), null, null, null, null, null,
                    List.of(), containers);
        }
        JsonReader platform = td.object("runtimePlatform");
        Integer revision = td.integer("revision");
        return new TaskDefinition(
                td.string("taskDefinitionArn"),
                td.string("family"),
                revision == null ? 0 : revision,
                td.string("networkMode"),
                td.string("pidMode"),
                td.string("ipcMode"),
                td.strings("requiresCompatibilities"),
                td.string("cpu"),
                td.string("memory"),
                td.string("executionRoleArn"),
                td.string("taskRoleArn"),
                platform == null ? null : platform.string("operatingSystemFamily"),
                td.objects("volumes").stream().map(TaskDefinitionParser::volume).toList(),
                containers);
    }

    private static List<Map.Entry<String, JsonNode>> bareArray(JsonNode array) {
        List<JsonNode> items = array.asArray();
        return IntStream.range(0, items.size())
                .mapToObj(i -> Map.entry("[" + i + "]", items.get(i)))
                .toList();
    }

    private static ContainerDefinition container(JsonReader c) {
        JsonReader credentials = c.object("repositoryCredentials");
        JsonReader linux = c.object("linuxParameters");
        JsonReader capabilities = linux == null ? null : linux.object("capabilities");
        return new ContainerDefinition(
                c.string("name"),
                c.string("image"),
                c.bool("essential", true),
                c.bool("privileged", false),
                c.string("user"),
                c.bool("readonlyRootFilesystem", false),
                c.integer("memory"),
                c.integer("memoryReservation"),
                c.objects("environment").stream()
                        .map(e -> new EnvironmentVariable(e.string("name"), e.string("value"))).toList(),
                c.objects("environmentFiles").stream()
                        .map(e -> new EnvironmentFile(e.string("value"), e.string("type"))).toList(),
                secrets(c, "secrets"),
                credentials == null ? null : credentials.string("credentialsParameter"),
                logConfiguration(c.object("logConfiguration")),
                firelens(c.object("firelensConfiguration")),
                capabilities == null ? List.of() : capabilities.strings("add"),
                capabilities == null ? List.of() : capabilities.strings("drop"),
                c.objects("mountPoints").stream()
                        .map(m -> new MountPoint(m.string("sourceVolume"), m.string("containerPath"),
                                m.bool("readOnly", false)))
                        .toList());
    }

    private static List<Secret> secrets(JsonReader owner, String key) {
        return owner.objects(key).stream().map(s -> new Secret(s.string("name"), s.string("valueFrom"))).toList();
    }

    private static LogConfiguration logConfiguration(JsonReader log) {
        if (log == null) {
            return null;
        }
        return new LogConfiguration(log.string("logDriver"), log.stringMap("options"), secrets(log, "secretOptions"));
    }

    private static FirelensConfiguration firelens(JsonReader firelens) {
        return firelens == null ? null : new FirelensConfiguration(firelens.string("type"),
                firelens.stringMap("options"));
    }

    private static Volume volume(JsonReader v) {
        JsonReader host = v.object("host");
        JsonReader efs = v.object("efsVolumeConfiguration");
        Volume.EfsVolume efsVolume = null;
        if (efs != null) {
            JsonReader auth = efs.object("authorizationConfig");
            efsVolume = new Volume.EfsVolume(
                    efs.string("fileSystemId"),
                    efs.string("rootDirectory"),
                    efs.string("transitEncryption"),
                    auth == null ? null : auth.string("iam"),
                    auth == null ? null : auth.string("accessPointId"));
        }
        return new Volume(v.string("name"), host == null ? null : host.string("sourcePath"), efsVolume);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
