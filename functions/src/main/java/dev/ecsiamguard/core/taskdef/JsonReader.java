package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Typed, located reads from a JSON object, lenient where ECS is lenient (numbers and booleans given as
 * strings), so the parser states once how each field may be spelled and every error names its path.
 */
final class JsonReader {

    private final Map<String, JsonNode> fields;
    private final String path;

    private JsonReader(Map<String, JsonNode> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    static JsonReader of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new TaskDefinitionParseException(path, "expected an object");
        }
        return new JsonReader(node.asObject(), path);
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        JsonNode node = fields.get(key);
        return node != null && !node.isNull();
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The field as an object reader, or {@code null} when absent or null. */
    JsonReader object(String key) {
        return has(key) ? of(fields.get(key), at(key)) : null;
    }

    /** The field's elements as nodes with their paths; absent or null gives an empty list. */
    List<Map.Entry<String, JsonNode>> array(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode node = fields.get(key);
        if (!node.isArray()) {
            throw new TaskDefinitionParseException(at(key), "expected an array");
        }
        List<Map.Entry<String, JsonNode>> elements = new ArrayList<>();
        List<JsonNode> items = node.asArray();
        for (int i = 0; i < items.size(); i++) {
            elements.add(Map.entry(at(key) + "[" + i + "]", items.get(i)));
        }
        return elements;
    }

    List<JsonReader> objects(String key) {
        return array(key).stream().map(e -> of(e.getValue(), e.getKey())).toList();
    }

    List<String> strings(String key) {
        return array(key).stream().map(e -> scalar(e.getValue(), e.getKey())).filter(Objects::nonNull).toList();
    }

    /** A string, or a number or boolean spelled as text; {@code null} when absent. */
    String string(String key) {
        return has(key) ? scalar(fields.get(key), at(key)) : null;
    }

    Integer integer(String key) {
        String text = string(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new TaskDefinitionParseException(at(key), "expected a whole number, got `" + text + "`");
        }
    }

    boolean bool(String key, boolean absent) {
        String text = string(key);
        if (text == null || text.isBlank()) {
            return absent;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new TaskDefinitionParseException(at(key), "expected true or false, got `" + text + "`");
        };
    }

    Map<String, String> stringMap(String key) {
        JsonReader map = object(key);
        if (map == null) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        map.fields.forEach((k, v) -> {
            if (!v.isNull()) {
                values.put(k, scalar(v, map.at(k)));
            }
        });
        return values;
    }

    private static String scalar(JsonNode node, String path) {
        if (node.isNull()) {
            return null;
        }
        return Json.scalarText(node).orElseThrow(() -> new TaskDefinitionParseException(path, "expected a string"));
    }
}
