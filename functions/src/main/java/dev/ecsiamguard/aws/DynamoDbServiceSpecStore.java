package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.spec.ServiceSpec;
import dev.ecsiamguard.core.spec.ServiceSpecStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Service specs as items of one DynamoDB table (key `id`), one item per spec in plain attributes so
 * `aws dynamodb get-item` shows them. Every write is a PutItem conditional on the version read.
 */
public final class DynamoDbServiceSpecStore implements ServiceSpecStore {

    public static final String DEFAULT_TABLE = "ecs-iam-guard-services";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbServiceSpecStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * The table the stack names: `SPEC_TABLE` (default `ecs-iam-guard-services`) in `SPEC_TABLE_REGION` (default:
     * the function's own region). Every stack of an account names the same table, wherever it runs.
     */
    public static DynamoDbServiceSpecStore fromEnvironment(Map<String, String> env, AwsClients clients) {
        String table = env.getOrDefault("SPEC_TABLE", "").trim();
        String region = env.getOrDefault("SPEC_TABLE_REGION", "").trim();
        if (!table.isEmpty() && !table.matches("[A-Za-z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException("configuration `SPEC_TABLE` is `" + table
                    + "`: expected a DynamoDB table name");
        }
        if (!region.isEmpty() && !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("configuration `SPEC_TABLE_REGION` is `" + region
                    + "`: expected an AWS region name");
        }
        return new DynamoDbServiceSpecStore(clients.dynamoDb(region.isEmpty() ? clients.settings().region()
                : Region.of(region)), table.isEmpty() ? DEFAULT_TABLE : table);
    }

    @Override
    public Optional<ServiceSpec> read(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("id", s(id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Optional<ServiceSpec> writeIfUnchanged(ServiceSpec spec) {
        ServiceSpec next = spec.withVersion(spec.version() + 1);
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(toItem(next));
        if (spec.version() == 0) {
            put.conditionExpression("attribute_not_exists(id)");
        } else {
            put.conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(spec.version())));
        }
        try {
            dynamoDb.putItem(put.build());
            return Optional.of(next);
        } catch (ConditionalCheckFailedException lostRace) {
            return Optional.empty();
        }
    }

    static Map<String, AttributeValue> toItem(ServiceSpec spec) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", s(spec.id()));
        item.put("service", s(spec.service()));
        item.put("environment", s(spec.environment()));
        item.put("capabilities", list(spec.capabilities()));
        item.put("secretsManagerPrefixes", list(spec.secretsManagerPrefixes()));
        item.put("ssmParameterPrefixes", list(spec.ssmParameterPrefixes()));
        item.put("regions", map(spec.regions()));
        item.put("executionGrants", list(spec.executionGrants()));
        item.put("announced", map(spec.announced()));
        item.put("version", n(spec.version()));
        return item;
    }

    static ServiceSpec fromItem(Map<String, AttributeValue> item) {
        return new ServiceSpec(text(item, "id"), text(item, "service"), text(item, "environment"),
                strings(item, "capabilities"), strings(item, "secretsManagerPrefixes"),
                strings(item, "ssmParameterPrefixes"), stringMap(item, "regions"), strings(item, "executionGrants"),
                stringMap(item, "announced"), Long.parseLong(item.get("version").n()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.s() == null) {
            throw new IllegalStateException("service spec item has no string attribute `" + name + "`");
        }
        return v.s();
    }

    // A user editing the item by hand may leave a list out: absent means empty.
    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasL()) {
            return v != null && v.hasSs() ? v.ss() : List.of();
        }
        return v.l().stream().map(AttributeValue::s).filter(java.util.Objects::nonNull).toList();
    }

    private static SortedMap<String, String> stringMap(Map<String, AttributeValue> item, String name) {
        SortedMap<String, String> out = new TreeMap<>();
        AttributeValue v = item.get(name);
        if (v != null && v.hasM()) {
            v.m().forEach((k, value) -> {
                if (value.s() != null) {
                    out.put(k, value.s());
                }
            });
        }
        return out;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.builder().l(values.stream().map(DynamoDbServiceSpecStore::s).toList()).build();
    }

    private static AttributeValue map(Map<String, String> values) {
        Map<String, AttributeValue> m = new HashMap<>();
        values.forEach((k, v) -> m.put(k, s(v)));
        return AttributeValue.builder().m(m).build();
    }
}
