package dev.ecsiamguard.aws;

import dev.ecsiamguard.app.rolechange.RoleUsageIndex;
import dev.ecsiamguard.app.rolechange.RoleUser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The role-usage index in one DynamoDB table (keys {@code pk}, {@code sk}): {@code role#<name>} holds one item per
 * family ({@code family#<name>}) and service ({@code service#<arn>}) using the role; {@code event#<id>} marks a
 * handled role-change event, expiring through the table's TTL attribute {@code expiresAt}.
 */
public final class DynamoDbRoleUsageIndex implements RoleUsageIndex {

    static final Duration HANDLED_EVENTS_KEPT = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbRoleUsageIndex(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public List<RoleUser> users(String roleName) {
        List<RoleUser> users = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :pk").consistentRead(true)
                .expressionAttributeValues(Map.of(":pk", s(roleKey(roleName))))).items().forEach(item -> {
                    String sk = item.get("sk").s();
                    String arn = text(item, "taskDefinitionArn");
                    if (sk.startsWith("family#")) {
                        users.add(RoleUser.family(sk.substring("family#".length()), arn));
                    } else if (sk.startsWith("service#")) {
                        users.add(RoleUser.service(sk.substring("service#".length()), text(item, "cluster"), arn));
                    }
                });
        return users;
    }

    @Override
    public boolean record(String roleName, RoleUser user) {
        Map<String, AttributeValue> key = Map.of("pk", s(roleKey(roleName)),
                "sk", s((user.kind() == RoleUser.Kind.FAMILY ? "family#" : "service#") + user.key()));
        // Read first, so that a replayed event (the same entry) writes nothing at all.
        Map<String, AttributeValue> existing = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        if (existing != null && user.taskDefinitionArn().equals(text(existing, "taskDefinitionArn"))) {
            return false;
        }
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        item.put("cluster", s(user.cluster()));
        item.put("taskDefinitionArn", s(user.taskDefinitionArn()));
        item.put("updatedAt", s(clock.instant().toString()));
        dynamo.putItem(r -> r.tableName(table).item(item));
        return true;
    }

    @Override
    public boolean handled(String eventId) {
        return dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(eventKey(eventId))).hasItem();
    }

    @Override
    public void markHandled(String eventId) {
        long expires = clock.instant().plus(HANDLED_EVENTS_KEPT).getEpochSecond();
        Map<String, AttributeValue> item = new java.util.HashMap<>(eventKey(eventId));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expires)));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> eventKey(String eventId) {
        return Map.of("pk", s("event#" + eventId), "sk", s("handled"));
    }

    private static String roleKey(String roleName) {
        // IAM role names are unique regardless of case.
        return "role#" + roleName.toLowerCase(java.util.Locale.ROOT);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value == null || value.isEmpty() ? "-" : value);
    }

    private static String text(Map<String, AttributeValue> item, String key) {
        AttributeValue v = item.get(key);
        return v == null || v.s() == null || v.s().equals("-") ? "" : v.s();
    }
}
