package dev.ecsiamguard.aws.priming;

import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * ECS, ECR, CloudWatch Logs, EventBridge, DynamoDB, Secrets Manager and KMS of the {@link PrimingAccount}, in
 * their JSON protocols.
 */
final class PrimingJsonServices {

    private static final String JSON = "application/x-amz-json-1.1";
    private static final String PRIMING_KEY = "00000000-0000-4000-8000-00000000beef";

    private final String account;
    private final String region;
    private final Map<String, String> clusters = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> logGroups = new LinkedHashMap<>();
    private String taskDefinition = "{}";
    private String repository = "";
    private Map<String, String> repositoryTags = Map.of();
    private boolean accountSettingsRefused;

    PrimingJsonServices(String account, String region) {
        this.account = account;
        this.region = region;
    }

    void taskDefinition(String json) {
        this.taskDefinition = json;
    }

    void repository(String name, Map<String, String> tags) {
        this.repository = name;
        this.repositoryTags = new TreeMap<>(tags);
    }

    void refuseAccountSettings() {
        accountSettingsRefused = true;
    }

    PrimingAccount.Answer answer(String service, String operation, String body) {
        JsonNode request = Json.parse(body);
        if (accountSettingsRefused && (service + ":" + operation).equals("ecs:ListAccountSettings")) {
            // As ECS answers a function without the permission: the SDK's JSON error path, primed.
            return new PrimingAccount.Answer(operation, 400, JSON, "{\"__type\":\"AccessDeniedException\","
                    + "\"message\":\"priming: not authorized to perform ecs:ListAccountSettings\"}");
        }
        String answer = switch (service + ":" + operation) {
            case "ecs:DescribeClusters" -> describeClusters(request);
            case "ecs:CreateCluster" -> createCluster(request, body);
            case "ecs:DescribeTaskDefinition" -> "{\"taskDefinition\":" + taskDefinition
                    + ",\"tags\":[{\"key\":\"ecs-iam-guard:priming\",\"value\":\"sample\"}]}";
            case "ecs:TagResource" -> "{}";
            case "ecs:ListAccountSettings" -> "{\"settings\":[]}";
            case "ecs:DeregisterTaskDefinition" -> "{\"taskDefinition\":" + taskDefinition + "}";
            case "ecr:DescribeRepositories" -> Json.write(Map.of("repositories", List.of(Map.of(
                    "repositoryName", repository, "registryId", account, "repositoryArn", repositoryArn(),
                    "createdAt", 1.7672256E9, "imageTagMutability", "MUTABLE",
                    "imageScanningConfiguration", Map.of("scanOnPush", false),
                    "encryptionConfiguration", Map.of("encryptionType", "AES256")))));
            case "ecr:ListTagsForResource" -> Json.write(Map.of("tags", repositoryTags.entrySet().stream()
                    .map(t -> Map.of("Key", t.getKey(), "Value", t.getValue())).toList()));
            case "logs:DescribeLogGroups" -> describeLogGroups(text(request, "logGroupNamePrefix"));
            case "logs:ListTagsForResource" -> Json.write(Map.of("tags", logGroups.values().stream()
                    .filter(g -> (g.get("arn") + "").startsWith(text(request, "resourceArn"))).findFirst()
                    .map(g -> g.get("tags")).orElse(Map.of())));
            case "logs:CreateLogGroup" -> createLogGroup(request);
            case "logs:PutRetentionPolicy" -> {
                Optional.ofNullable(logGroups.get(text(request, "logGroupName")))
                        .ifPresent(g -> g.put("retentionInDays", Integer.parseInt(text(request, "retentionInDays"))));
                yield "{}";
            }
            case "events:PutEvents" -> putEvents(request);
            // The service spec table: no spec yet, and every conditional write accepted (nothing is kept).
            case "dynamodb:GetItem", "dynamodb:PutItem" -> "{}";
            // The role-change markers: none recorded (priming's role reads are forgotten before the snapshot).
            case "dynamodb:BatchGetItem" -> noMarkers(request);
            // Remediation reads a secret's key: the sample secret is under a customer managed key, by alias.
            case "secretsmanager:DescribeSecret" -> Json.write(Map.of("ARN", text(request, "SecretId"),
                    "Name", "priming", "KmsKeyId", "alias/priming"));
            case "kms:DescribeKey" -> Json.write(Map.of("KeyMetadata", Map.of("KeyId", PRIMING_KEY,
                    "Arn", "arn:aws:kms:" + region + ":" + account + ":key/" + PRIMING_KEY, "KeyManager", "CUSTOMER",
                    "KeyState", "Enabled")));
            default -> throw PrimingAccount.unknown(service, operation);
        };
        return new PrimingAccount.Answer(operation, 200, JSON, answer);
    }

    private String describeClusters(JsonNode request) {
        List<String> found = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (JsonNode name : request.field("clusters").map(JsonNode::asArray).orElse(List.of())) {
            String cluster = clusters.get(name.text());
            if (cluster == null) {
                failures.add(Map.of("arn", clusterArn(name.text()), "reason", "MISSING"));
            } else {
                found.add(cluster);
            }
        }
        return "{\"clusters\":[" + String.join(",", found) + "],\"failures\":" + Json.write(failures) + "}";
    }

    // The cluster is what was asked for (same member names in request and answer), active, with its ARN.
    private String createCluster(JsonNode request, String body) {
        String name = text(request, "clusterName");
        String cluster = "{\"clusterArn\":" + Json.write(clusterArn(name)) + ",\"status\":\"ACTIVE\","
                + body.substring(body.indexOf('{') + 1);
        clusters.put(name, cluster);
        return "{\"cluster\":" + cluster + "}";
    }

    private String createLogGroup(JsonNode request) {
        String name = text(request, "logGroupName");
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("logGroupName", name);
        group.put("arn", "arn:aws:logs:" + region + ":" + account + ":log-group:" + name + ":*");
        Map<String, String> tags = new TreeMap<>();
        request.field("tags").filter(JsonNode::isObject)
                .ifPresent(t -> t.asObject().forEach((k, v) -> tags.put(k, v.text())));
        group.put("tags", tags);
        logGroups.put(name, group);
        return "{}";
    }

    private String describeLogGroups(String prefix) {
        List<Map<String, Object>> groups = logGroups.values().stream()
                .filter(g -> String.valueOf(g.get("logGroupName")).startsWith(prefix)).map(g -> {
                    Map<String, Object> shown = new LinkedHashMap<>(g);
                    shown.remove("tags");
                    return shown;
                }).toList();
        return Json.write(Map.of("logGroups", groups));
    }

    private static String noMarkers(JsonNode request) {
        Map<String, Object> responses = new LinkedHashMap<>();
        request.field("RequestItems").filter(JsonNode::isObject)
                .ifPresent(items -> items.asObject().keySet().forEach(table -> responses.put(table, List.of())));
        return Json.write(Map.of("Responses", responses, "UnprocessedKeys", Map.of()));
    }

    private static String putEvents(JsonNode request) {
        int entries = request.field("Entries").map(e -> e.asArray().size()).orElse(0);
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            ids.add(Map.of("EventId", "priming-" + i));
        }
        return Json.write(Map.of("FailedEntryCount", 0, "Entries", ids));
    }

    private String repositoryArn() {
        return "arn:aws:ecr:" + region + ":" + account + ":repository/" + repository;
    }

    private String clusterArn(String name) {
        return "arn:aws:ecs:" + region + ":" + account + ":cluster/" + name;
    }

    private static String text(JsonNode node, String field) {
        return node.field(field).flatMap(Json::scalarText).orElse("");
    }
}
