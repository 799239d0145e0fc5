package dev.ecsiamguard.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Reads one statement object, naming the statement and field in every error. */
final class StatementReader {

    private final PolicyKind kind;
    private final JsonNode node;
    private final String where;

    StatementReader(PolicyKind kind, int number, JsonNode node) {
        this.kind = kind;
        this.node = node;
        String sid = node.isObject() ? node.field("Sid").filter(JsonNode::isString).map(JsonNode::asString)
                .orElse("") : "";
        this.where = "statement " + number + (sid.isEmpty() ? "" : " (Sid `" + sid + "`)");
    }

    Statement read() {
        if (!node.isObject()) {
            throw new PolicyParseException(where, "expected a JSON object");
        }
        Map<String, JsonNode> fields = node.asObject();
        PolicyParser.rejectUnknown(fields, PolicyParser.STATEMENT_FIELDS, where);
        String sid = sid(fields.get("Sid"));
        Effect effect = effect(fields.get("Effect"));
        List<String> actions = exactlyOne(fields, "Action", "NotAction");
        List<String> notActions = fields.containsKey("NotAction") ? strings(fields, "NotAction") : List.of();
        checkActions(actions.isEmpty() ? notActions : actions, actions.isEmpty() ? "NotAction" : "Action");
        List<String> resources = List.of();
        List<String> notResources = List.of();
        if (kind == PolicyKind.TRUST) {
            forbid(fields, "Resource", "a role trust policy takes no Resource");
            forbid(fields, "NotResource", "a role trust policy takes no NotResource");
        } else {
            resources = exactlyOne(fields, "Resource", "NotResource");
            notResources = fields.containsKey("NotResource") ? strings(fields, "NotResource") : List.of();
            checkResources(resources.isEmpty() ? notResources : resources, resources.isEmpty() ? "NotResource"
                    : "Resource");
        }
        List<Principal> principals = List.of();
        List<Principal> notPrincipals = List.of();
        if (kind == PolicyKind.IDENTITY) {
            forbid(fields, "Principal", "an identity policy takes no Principal");
            forbid(fields, "NotPrincipal", "an identity policy takes no NotPrincipal");
        } else {
            if (kind == PolicyKind.TRUST) {
                forbid(fields, "NotPrincipal", "a role trust policy takes no NotPrincipal");
            }
            if (!fields.containsKey("Principal") && !fields.containsKey("NotPrincipal")) {
                throw new PolicyParseException(where, "missing field `Principal`");
            }
            if (fields.containsKey("Principal") && fields.containsKey("NotPrincipal")) {
                throw new PolicyParseException(where, "fields `Principal` and `NotPrincipal` are exclusive");
            }
            principals = fields.containsKey("Principal") ? principals(fields.get("Principal"), "Principal")
                    : List.of();
            notPrincipals = fields.containsKey("NotPrincipal")
                    ? principals(fields.get("NotPrincipal"), "NotPrincipal") : List.of();
        }
        List<ConditionClause> conditions = fields.containsKey("Condition")
                ? new ConditionReader(where + ": field `Condition`").read(fields.get("Condition")) : List.of();
        return new Statement(sid, effect, actions, notActions, resources, notResources, principals, notPrincipals,
                conditions);
    }

    private String sid(JsonNode sid) {
        if (sid == null) {
            return "";
        }
        if (!sid.isString()) {
            throw new PolicyParseException(field("Sid"), "expected a string, got `" + JsonText.show(sid) + "`");
        }
        return sid.asString();
    }

    private Effect effect(JsonNode effect) {
        if (effect == null) {
            throw new PolicyParseException(where, "missing field `Effect`");
        }
        String text = effect.isString() ? effect.asString() : JsonText.show(effect);
        return switch (text) {
            case "Allow" -> Effect.ALLOW;
            case "Deny" -> Effect.DENY;
            default -> throw new PolicyParseException(field("Effect"), "expected `Allow` or `Deny`, got `" + text
                    + "`");
        };
    }

    /** Returns the positive element's values, or an empty list when the negated one is used instead. */
    private List<String> exactlyOne(Map<String, JsonNode> fields, String positive, String negative) {
        boolean hasPositive = fields.containsKey(positive);
        boolean hasNegative = fields.containsKey(negative);
        if (hasPositive && hasNegative) {
            throw new PolicyParseException(where, "fields `" + positive + "` and `" + negative + "` are exclusive");
        }
        if (!hasPositive && !hasNegative) {
            throw new PolicyParseException(where, "missing field `" + positive + "` (or `" + negative + "`)");
        }
        return hasPositive ? strings(fields, positive) : List.of();
    }

    private List<String> strings(Map<String, JsonNode> fields, String name) {
        return JsonText.stringOrList(fields.get(name), field(name));
    }

    private void forbid(Map<String, JsonNode> fields, String name, String reason) {
        if (fields.containsKey(name)) {
            throw new PolicyParseException(field(name), reason);
        }
    }

    private void checkActions(List<String> actions, String name) {
        for (String action : actions) {
            int colon = action.indexOf(':');
            boolean valid = action.equals("*") || (colon > 0 && colon < action.length() - 1
                    && action.indexOf(':', colon + 1) < 0);
            if (!valid) {
                throw new PolicyParseException(field(name), "expected `*` or `service:action`, got `" + action + "`");
            }
        }
    }

    private void checkResources(List<String> resources, String name) {
        for (String resource : resources) {
            boolean valid = resource.equals("*") || (resource.startsWith("arn:") && resource.split(":", 4).length >= 3);
            if (!valid) {
                throw new PolicyParseException(field(name), "expected `*` or an ARN, got `" + resource + "`");
            }
        }
    }

    private List<Principal> principals(JsonNode value, String name) {
        if (value.isString()) {
            if (!value.asString().equals("*")) {
                throw new PolicyParseException(field(name), "expected `*` or an object, got `" + value.asString()
                        + "`");
            }
            return List.of(new Principal(PrincipalKind.ANY, "*"));
        }
        if (!value.isObject() || value.asObject().isEmpty()) {
            throw new PolicyParseException(field(name), "expected `*` or a non-empty object");
        }
        List<Principal> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : value.asObject().entrySet()) {
            PrincipalKind principalKind = principalKind(entry.getKey(), name);
            String location = field(name) + " `" + entry.getKey() + "`";
            for (String text : JsonText.stringOrList(entry.getValue(), location)) {
                PrincipalSyntax.check(principalKind, text, location);
                out.add(new Principal(principalKind, text));
            }
        }
        return out;
    }

    private PrincipalKind principalKind(String key, String name) {
        return switch (key) {
            case "AWS" -> PrincipalKind.AWS;
            case "Service" -> PrincipalKind.SERVICE;
            case "Federated" -> PrincipalKind.FEDERATED;
            case "CanonicalUser" -> PrincipalKind.CANONICAL_USER;
            default -> throw new PolicyParseException(field(name), "unknown principal type `" + key
                    + "` (expected AWS, Service, Federated or CanonicalUser)");
        };
    }

    private String field(String name) {
        return where + ": field `" + name + "`";
    }
}
