package dev.ecsiamguard.core.policy;

import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** IAM's "string or list of strings" element shape, read with located errors. */
final class JsonText {

    private JsonText() {
    }

    /** A non-empty list of non-empty strings from a string or an array of strings. */
    static List<String> stringOrList(JsonNode node, String location) {
        List<JsonNode> items = node.isArray() ? node.asArray() : List.of(node);
        if (items.isEmpty()) {
            throw new PolicyParseException(location, "expected a string or a non-empty list of strings");
        }
        List<String> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (!item.isString() || item.asString().isEmpty()) {
                throw new PolicyParseException(location, "expected a non-empty string, got `" + show(item) + "`");
            }
            out.add(item.asString());
        }
        return out;
    }

    /** Condition values: strings, numbers and booleans all become the string IAM compares. */
    static List<String> scalarOrList(JsonNode node, String location) {
        List<JsonNode> items = node.isArray() ? node.asArray() : List.of(node);
        if (items.isEmpty()) {
            throw new PolicyParseException(location, "expected a value or a non-empty list of values");
        }
        List<String> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            out.add(Json.scalarText(item).orElseThrow(() -> new PolicyParseException(location,
                    "expected a string, number or boolean, got `" + show(item) + "`")));
        }
        return out;
    }

    /** A short rendering of a node for error messages. */
    static String show(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        return Json.scalarText(node).orElse(node.isArray() ? "[...]" : "{...}");
    }
}
