package dev.ecsiamguard.core.sweep;

import dev.ecsiamguard.core.json.Json;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * One thing to judge, small enough to travel as a Distributed Map item.
 *
 * @param ref the ARN (revision, role, cluster, provider) the judge reads
 * @param account the account it lives in; the judge reads it with that account's credentials
 * @param origin why it is in the sweep ("service web on cluster prod", "latest of family web"), shown in reports
 */
public record SweepItem(ItemKind kind, String ref, String account, String origin) {

    public SweepItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(account, "account");
        origin = origin == null ? "" : origin;
    }

    public Map<String, Object> toMap() {
        return Json.object("kind", kind.name(), "ref", ref, "account", account, "origin", origin);
    }

    /** Reads an item as {@link #toMap()} wrote it; a malformed one is an {@link IllegalArgumentException}. */
    public static SweepItem fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a sweep item must be an object with kind, ref and account");
        }
        Map<String, JsonNode> fields = node.asObject();
        String kind = text(fields, "kind");
        try {
            return new SweepItem(ItemKind.valueOf(kind), text(fields, "ref"), text(fields, "account"),
                    fields.containsKey("origin") && fields.get("origin").isString()
                            ? fields.get("origin").asString() : "");
        } catch (IllegalArgumentException unknownKind) {
            throw new IllegalArgumentException("unknown sweep item kind `" + kind + "`", unknownKind);
        }
    }

    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException("a sweep item needs a string `" + name + "`");
        }
        return value.asString();
    }
}
