package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.json.PlainJson;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyKind;
import dev.ecsiamguard.core.policy.PolicyParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Reads the output of {@code aws iam get-role}: trust policy, boundary and tags, but no permission policies, which
 * that call does not return; every problem is a located {@link PolicyParseException}.
 */
public final class GetRoleReader {

    private GetRoleReader() {
    }

    /**
     * A role as {@code get-role} shows it.
     *
     * @param boundaryArn the permissions boundary's policy ARN (its document is not in the output)
     */
    public record SavedRole(String arn, String name, String path, NamedPolicy trust, Optional<String> boundaryArn,
                            Map<String, String> tags) {

        public SavedRole {
            tags = Map.copyOf(tags);
        }
    }

    /** Whether parsed JSON looks like {@code get-role} output: an object whose {@code Role} is an object. */
    public static boolean matches(JsonNode root) {
        return root.isObject() && root.asObject().get("Role") != null && root.asObject().get("Role").isObject();
    }

    public static SavedRole read(JsonNode root) {
        if (!matches(root)) {
            throw new PolicyParseException("Role", "expected the JSON object of `aws iam get-role`");
        }
        Map<String, JsonNode> role = root.asObject().get("Role").asObject();
        String arn = string(role, "Arn").orElseThrow(() -> missing("Arn"));
        String name = string(role, "RoleName").orElseThrow(() -> missing("RoleName"));
        JsonNode trustNode = role.get("AssumeRolePolicyDocument");
        if (trustNode == null || trustNode.isNull()) {
            throw new PolicyParseException("Role.AssumeRolePolicyDocument", "missing trust policy");
        }
        String text = trustNode.isString() ? trustNode.asString() : Json.write(PlainJson.of(trustNode));
        PolicyDocument trust;
        try {
            trust = PolicyDocument.parse(text, PolicyKind.TRUST);
        } catch (PolicyParseException e) {
            throw new PolicyParseException("Role.AssumeRolePolicyDocument" + (e.location().isEmpty() ? ""
                    : ": " + e.location()), e.reason());
        }
        Optional<String> boundary = Optional.ofNullable(role.get("PermissionsBoundary")).filter(JsonNode::isObject)
                .flatMap(b -> string(b.asObject(), "PermissionsBoundaryArn"));
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode tagList = role.get("Tags");
        if (tagList != null && tagList.isArray()) {
            for (JsonNode tag : tagList.asArray()) {
                if (tag.isObject()) {
                    string(tag.asObject(), "Key").ifPresent(k -> tags.put(k, string(tag.asObject(), "Value")
                            .orElse("")));
                }
            }
        }
        return new SavedRole(arn, name, string(role, "Path").orElse("/"), new NamedPolicy("trust", trust), boundary,
                tags);
    }

    private static PolicyParseException missing(String field) {
        return new PolicyParseException("Role." + field, "missing or not a string");
    }

    private static Optional<String> string(Map<String, JsonNode> fields, String key) {
        JsonNode node = fields.get(key);
        return node != null && node.isString() && !node.asString().isBlank() ? Optional.of(node.asString())
                : Optional.empty();
    }
}
