package dev.ecsiamguard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * A request body read as one JSON object, field by field, where every problem becomes a 400 that names the
 * field, and a field the route does not know is an error rather than silently ignored.
 */
public final class JsonBody {

    private final Map<String, JsonNode> fields;

    private JsonBody(Map<String, JsonNode> fields) {
        this.fields = fields;
    }

    /** Parses the body; an empty body is an empty object when the route allows it. */
    public static JsonBody parse(String body, boolean emptyAllowed, Set<String> known) {
        if (body == null || body.isBlank()) {
            if (emptyAllowed) {
                return new JsonBody(Map.of());
            }
            throw ApiException.malformedBody("the request needs a JSON object body");
        }
        JsonNode root;
        try {
            root = JsonNode.parser().parse(body);
        } catch (RuntimeException e) {
            throw ApiException.malformedBody("the body is not valid JSON");
        }
        if (!root.isObject()) {
            throw ApiException.malformedBody("the body must be a JSON object");
        }
        JsonBody parsed = new JsonBody(root.asObject());
        Set<String> unknown = new TreeSet<>(parsed.fields.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String field = unknown.iterator().next();
            throw ApiException.invalid(field, "unknown field; expected one of " + new TreeSet<>(known));
        }
        return parsed;
    }

    public boolean has(String field) {
        JsonNode node = fields.get(field);
        return node != null && !node.isNull();
    }

    public Optional<String> string(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode node = fields.get(field);
        if (!node.isString()) {
            throw ApiException.invalid(field, "must be a string");
        }
        return Optional.of(node.asString());
    }

    public String requiredString(String field) {
        return string(field).filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiException.invalid(field, "is required"));
    }

    /** A list of strings, or empty when the field is absent. */
    public Optional<List<String>> strings(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode node = fields.get(field);
        if (!node.isArray()) {
            throw ApiException.invalid(field, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        List<JsonNode> items = node.asArray();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isString()) {
                throw ApiException.invalid(field + "[" + i + "]", "must be a string");
            }
            values.add(items.get(i).asString());
        }
        return Optional.of(values);
    }

    /** A positive whole number given as a JSON number or a string of digits (GitHub's numeric ids). */
    public Optional<Long> id(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode node = fields.get(field);
        String text = node.isNumber() ? node.asNumber() : node.isString() ? node.asString() : "";
        if (!text.matches("[1-9]\\d{0,17}")) {
            throw ApiException.invalid(field, "must be a positive whole number");
        }
        return Optional.of(Long.parseLong(text));
    }
}
