package dev.ecsiamguard.core.json;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Turns a parsed JSON node back into plain values, so an embedded policy object can be re-read as text. */
public final class PlainJson {

    private PlainJson() {
    }

    public static Object of(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.asObject().forEach((k, v) -> map.put(k, of(v)));
            return map;
        }
        if (node.isArray()) {
            return node.asArray().stream().map(PlainJson::of).toList();
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            return new BigDecimal(node.asNumber());
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return null;
    }
}
