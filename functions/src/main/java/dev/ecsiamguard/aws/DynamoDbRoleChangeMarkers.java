package dev.ecsiamguard.aws;

import dev.ecsiamguard.aws.RoleCacheTrust.Marker;
import dev.ecsiamguard.app.rolechange.RoleChangeMarks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * When each role last changed, as the role-change function saw it: item {@code role#<lower-case name>} /
 * {@code changed} of the role-usage table, attribute {@code changedAt} (epoch milliseconds of the CloudTrail event).
 * Readers ask for all roles of one invocation in one consistent BatchGetItem; the writer only ever moves a marker
 * forward, so a replayed or late event writes nothing and concurrent writers converge on the latest change.
 */
public final class DynamoDbRoleChangeMarkers implements RoleChangeMarks, RoleChangeMarkers {

    private static final String SORT_KEY = "changed";
    private static final int BATCH = 100;  // BatchGetItem's limit per request
    // No cached read lives longer than RoleCacheSeconds (at most an hour): older markers can go.
    private static final Duration KEPT = Duration.ofDays(1);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbRoleChangeMarkers(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public DynamoDbRoleChangeMarkers(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * The role-change function's side: markers moved to the event's time (now, when it has none), and this
     * environment's own reads of the roles forgotten, so that it judges them from fresh reads.
     */
    @Override
    public List<String> changed(List<String> roleNames, String eventTime) {
        Instant at;
        try {
            at = Instant.parse(eventTime);
        } catch (DateTimeParseException | NullPointerException e) {
            at = clock.instant();  // later than the change: distrusts more reads, never fewer
        }
        try {
            return record(roleNames, at);
        } finally {
            roleNames.forEach(RoleCache::forget);
        }
    }

    /** Each role's marker; a role whose marker could not be read (any failure, unprocessed key) is unknown. */
    @Override
    public Map<String, Marker> read(Collection<String> roleNames) {
        Map<String, Marker> markers = new LinkedHashMap<>();
        roleNames.forEach(name -> markers.put(key(name), Marker.unknown()));
        try {
            markers.putAll(fetch(markers.keySet()));
        } catch (SdkException e) {
            // Fail closed: without the markers no cached read is trusted (every role is read fresh).
            System.err.println("role cache: change markers in table " + table + " unreadable ("
                    + e.getClass().getSimpleName() + "): every role is read fresh");
        }
        Map<String, Marker> byName = new LinkedHashMap<>();
        roleNames.forEach(name -> byName.put(name, markers.get(key(name))));
        return byName;
    }

    /**
     * Records that the roles changed at {@code changedAt}, where that is newer than their marker; returns the roles
     * whose marker moved. AWS failures are thrown: the caller's event is retried.
     */
    public List<String> record(Collection<String> roleNames, Instant changedAt) {
        Map<String, String> names = new LinkedHashMap<>();
        roleNames.forEach(name -> names.putIfAbsent(key(name), name));
        Map<String, Marker> current = fetch(names.keySet());
        List<String> moved = new ArrayList<>();
        names.forEach((key, name) -> {
            Marker marker = current.getOrDefault(key, Marker.unknown());
            boolean newer = !marker.known() || marker.changedAt().map(changedAt::isAfter).orElse(true);
            if (newer && put(key, changedAt)) {
                moved.add(name);
            }
        });
        return moved;
    }

    private boolean put(String key, Instant changedAt) {
        Map<String, AttributeValue> item = new HashMap<>(itemKey(key));
        item.put("changedAt", AttributeValue.fromN(Long.toString(changedAt.toEpochMilli())));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(changedAt.plus(KEPT).getEpochSecond())));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(changedAt) OR changedAt < :at")
                    .expressionAttributeValues(Map.of(":at", item.get("changedAt"))));
            return true;
        } catch (ConditionalCheckFailedException newerAlreadyThere) {
            return false;
        }
    }

    // Keys left unprocessed stay out of the answer (unknown to the caller).
    private Map<String, Marker> fetch(Collection<String> keys) {
        Map<String, Marker> found = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(keys));
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Map<String, AttributeValue>> batch = all.subList(from, Math.min(all.size(), from + BATCH)).stream()
                    .map(DynamoDbRoleChangeMarkers::itemKey).toList();
            var response = dynamo.batchGetItem(r -> r.requestItems(Map.of(table, KeysAndAttributes.builder()
                    .keys(batch).consistentRead(true).projectionExpression("pk, changedAt").build())));
            batch.forEach(k -> found.put(k.get("pk").s(), Marker.none()));
            if (response.hasUnprocessedKeys() && response.unprocessedKeys().containsKey(table)) {
                response.unprocessedKeys().get(table).keys().forEach(k -> found.remove(k.get("pk").s()));
            }
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                AttributeValue at = item.get("changedAt");
                if (at != null && at.n() != null) {
                    found.put(item.get("pk").s(), Marker.at(Instant.ofEpochMilli(Long.parseLong(at.n()))));
                }
            }
        }
        return found;
    }

    private static Map<String, AttributeValue> itemKey(String key) {
        return Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromS(SORT_KEY));
    }

    // IAM role names are unique regardless of case: the same key as the role-usage index's entries.
    private static String key(String roleName) {
        return "role#" + roleName.toLowerCase(Locale.ROOT);
    }
}
