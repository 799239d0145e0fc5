package dev.ecsiamguard.core.policy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Turns policy JSON into the model, refusing anything IAM would refuse instead of returning a partial policy. */
final class PolicyParser {

    private static final Set<String> DOCUMENT_FIELDS = Set.of("Version", "Id", "Statement");
    static final Set<String> STATEMENT_FIELDS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Principal", "NotPrincipal", "Condition");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

    private final PolicyKind kind;

    PolicyParser(PolicyKind kind) {
        this.kind = kind;
    }

    PolicyDocument parse(String text) {
        JsonNode root = readJson(text);
        if (!root.isObject()) {
            throw new PolicyParseException("document", "expected a JSON object");
        }
        Map<String, JsonNode> fields = root.asObject();
        rejectUnknown(fields, DOCUMENT_FIELDS, "document");
        String version = fields.containsKey("Version") ? version(fields.get("Version")) : "";
        JsonNode statementNode = fields.get("Statement");
        if (statementNode == null) {
            throw new PolicyParseException("document", "missing field `Statement`");
        }
        List<JsonNode> nodes = statementNode.isArray() ? statementNode.asArray() : List.of(statementNode);
        if (nodes.isEmpty()) {
            throw new PolicyParseException("document: field `Statement`", "expected at least one statement");
        }
        List<Statement> statements = new ArrayList<>();
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Statement statement = new StatementReader(kind, i + 1, nodes.get(i)).read();
            if (!statement.sid().isEmpty() && !sids.add(statement.sid())) {
                throw new PolicyParseException("statement " + (i + 1), "duplicate Sid `" + statement.sid() + "`");
            }
            statements.add(statement);
        }
        return new PolicyDocument(version, statements);
    }

    /** IAM hands documents back URL-encoded (GetRole, GetRolePolicy, GetAccountAuthorizationDetails). */
    static String decodeIfUrlEncoded(String text) {
        String trimmed = text.strip();
        if (trimmed.regionMatches(true, 0, "%7B", 0, 3) || (!trimmed.startsWith("{") && trimmed.contains("%22"))) {
            return URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
        }
        return trimmed;
    }

    private static JsonNode readJson(String text) {
        if (text == null || text.isBlank()) {
            throw new PolicyParseException("document", "empty policy text");
        }
        String json;
        try {
            json = decodeIfUrlEncoded(text);
        } catch (IllegalArgumentException e) {
            throw new PolicyParseException("document", "malformed URL encoding: " + e.getMessage());
        }
        try {
            return JsonNode.parser().parse(json);
        } catch (RuntimeException e) {
            throw new PolicyParseException("document", "not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String version(JsonNode node) {
        if (!node.isString() || !VERSIONS.contains(node.asString())) {
            throw new PolicyParseException("document: field `Version`",
                    "expected `2012-10-17` or `2008-10-17`, got `" + JsonText.show(node) + "`");
        }
        return node.asString();
    }

    static void rejectUnknown(Map<String, JsonNode> fields, Set<String> known, String location) {
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                throw new PolicyParseException(location, "unknown field `" + name + "`");
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
