package dev.ecsiamguard.core.json;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Writes plain Java values (maps, lists, strings, numbers, booleans) as compact JSON, and parses JSON with the
 * SDK's own small parser, so the core needs no JSON library of its own.
 */
public final class Json {

    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    public static JsonNode parse(String text) {
        return JsonNode.parser().parse(text);
    }

    /** True when both texts hold the same JSON value (whitespace and key order ignored). */
    public static boolean sameValue(String a, String b) {
        try {
            return parse(a).equals(parse(b));
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** The text of a string, number or boolean node as IAM and ECS compare it; empty for null, arrays and objects. */
    public static Optional<String> scalarText(JsonNode node) {
        if (node.isString()) {
            return Optional.of(node.asString());
        }
        if (node.isNumber()) {
            return Optional.of(node.asNumber());
        }
        if (node.isBoolean()) {
            return Optional.of(Boolean.toString(node.asBoolean()));
        }
        return Optional.empty();
    }

    /** An insertion-ordered map from alternating keys and values, for readable document builders. */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                quote(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Enum<?> e) {
            quote(e.name(), out);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
