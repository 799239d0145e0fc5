package dev.ecsiamguard.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Hostile variants of a sample event, drawn from a seeded {@link Random} so a failure can be replayed: deleted
 * fields, changed types, huge strings, control characters, hostile names, tampered account/region/partition,
 * duplicated keys and truncated JSON.
 */
public final class EventMutator {

    public static final List<String> KINDS = List.of("delete", "type", "huge", "control", "hostile", "tamper",
            "duplicate", "truncate");
    private static final List<String> HOSTILE = List.of("../../etc/passwd", "a*", "*", "${jndi:ldap://127.0.0.1/x}",
            "<script>alert(1)</script>", "' OR 1=1 --", "\u202Eevil", "\uD83D\uDE00", "arn:aws-cn:iam::1:role/x",
            "  ", "-", "payments/api/../../x", "A".repeat(65), "role\npolicy");
    private static final List<Object> TYPES = java.util.Arrays.asList(null, 42, -1, 3.5, true, "", "text",
            List.of(), Map.of(), List.of("x"), Map.of("k", "v"));

    private final Random random;

    public EventMutator(long seed) {
        this.random = new Random(seed);
    }

    /** One mutated event text, and what was done to it. */
    public record Mutation(String kind, String json) {
    }

    public Mutation mutate(String eventJson) {
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        Object root = plain(JsonNode.parser().parse(eventJson));
        // An API Gateway event carries its request as a JSON text: half the time, mutate inside it.
        if (root instanceof Map<?, ?> map && map.get("body") instanceof String body && isObject(body)
                && random.nextBoolean() && kind.matches("delete|type|huge|control|hostile")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) map;
            event.put("body", mutate(body).json());
            return new Mutation("body-" + kind, write(event));
        }
        String json = switch (kind) {
            case "delete" -> write(replaceAt(root, v -> REMOVE));
            case "type" -> write(replaceAt(root, v -> TYPES.get(random.nextInt(TYPES.size()))));
            case "huge" -> write(replaceAt(root, v -> "x".repeat(random.nextInt(10) == 0 ? 1_048_576 : 20_000)));
            case "control" -> write(replaceAt(root, v -> v + "\u0000\u001b[31m\r\n\t\u007f"));
            case "hostile" -> write(replaceAt(root, v -> HOSTILE.get(random.nextInt(HOSTILE.size()))));
            case "tamper" -> tamper(eventJson);
            case "duplicate" -> duplicate(eventJson);
            default -> eventJson.substring(0, random.nextInt(Math.max(1, eventJson.length())));
        };
        return new Mutation(kind, json);
    }

    private static final Object REMOVE = new Object();

    private static boolean isObject(String text) {
        try {
            return JsonNode.parser().parse(text).isObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String tamper(String json) {
        return switch (random.nextInt(4)) {
            case 0 -> json.replace("123456789012", "999999999999");
            case 1 -> json.replace("us-east-1", "eu-central-1");
            case 2 -> json.replace("us-east-1", "cn-north-1").replace("arn:aws:", "arn:aws-cn:");
            default -> json.replace("arn:aws:", "arn:aws-us-gov:");
        };
    }

    // A second copy of one top-level key, with a hostile value, right after the opening brace.
    private String duplicate(String json) {
        int brace = json.indexOf('{');
        if (brace < 0) {
            return json;
        }
        List<String> keys = List.of("account", "region", "detail", "detail-type", "source", "httpMethod",
                "resource", "body", "pathParameters");
        String key = keys.get(random.nextInt(keys.size()));
        String value = random.nextBoolean() ? "\"999999999999\"" : "{\"eventName\":\"DeleteRole\"}";
        return json.substring(0, brace + 1) + "\"" + key + "\":" + value + "," + json.substring(brace + 1);
    }

    // Replaces (or removes) one node picked uniformly among every value of the tree, the root excepted.
    private Object replaceAt(Object root, java.util.function.UnaryOperator<Object> change) {
        List<Object[]> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return root;
        }
        Object[] slot = slots.get(random.nextInt(slots.size()));
        @SuppressWarnings("unchecked")
        Object replacement = change.apply(slot[0] instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(slot[1])
                : ((List<Object>) slot[0]).get((int) slot[1]));
        if (slot[0] instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            if (replacement == REMOVE) {
                m.remove(slot[1]);
            } else {
                m.put((String) slot[1], replacement);
            }
        } else {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) slot[0];
            if (replacement == REMOVE) {
                list.remove((int) slot[1]);
            } else {
                list.set((int) slot[1], replacement);
            }
        }
        return root;
    }

    private static void collect(Object node, List<Object[]> slots) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                slots.add(new Object[] {map, key});
                collect(map.get(key), slots);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                slots.add(new Object[] {list, i});
                collect(list.get(i), slots);
            }
        }
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.asObject().forEach((k, v) -> map.put(k, plain(v)));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.asArray().forEach(v -> list.add(plain(v)));
            return list;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            return new java.math.BigDecimal(node.asNumber());
        }
        return node.isBoolean() ? node.asBoolean() : null;
    }

    private static String write(Object root) {
        return dev.ecsiamguard.core.json.Json.write(root);
    }
}
