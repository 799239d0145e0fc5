package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.json.PlainJson;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyKind;
import dev.ecsiamguard.core.policy.PolicyParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Turns the JSON of {@code get-account-authorization-details} into role resolutions, keeping parsing apart. */
final class GaadReader {

    private final Map<String, JsonNode> managedDocuments = new HashMap<>();
    private final Map<String, String> managedLocations = new HashMap<>();

    private GaadReader() {
    }

    static GaadRoleLookup read(String json) {
        if (json == null || json.isBlank()) {
            throw new GaadParseException("", "empty input: expected the JSON output of "
                    + "`aws iam get-account-authorization-details`");
        }
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (RuntimeException e) {
            throw new GaadParseException("", "not valid JSON: " + String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse(""));
        }
        if (!root.isObject()) {
            throw new GaadParseException("", "expected a JSON object with `RoleDetailList`");
        }
        GaadReader reader = new GaadReader();
        reader.readPolicies(root.asObject().get("Policies"));
        JsonNode roles = root.asObject().get("RoleDetailList");
        if (roles == null || !roles.isArray()) {
            throw new GaadParseException("RoleDetailList", "missing or not an array: run `aws iam "
                    + "get-account-authorization-details` without a filter, or with `--filter Role`");
        }
        Map<String, RoleResolution> byArn = new LinkedHashMap<>();
        Map<String, RoleResolution> byName = new LinkedHashMap<>();
        List<JsonNode> items = roles.asArray();
        for (int i = 0; i < items.size(); i++) {
            String at = "RoleDetailList[" + i + "]";
            Map<String, JsonNode> role = object(items.get(i), at);
            String arn = requiredString(role, "Arn", at);
            String name = requiredString(role, "RoleName", at);
            RoleResolution resolution = reader.role(role, arn, name, at);
            byArn.put(arn, resolution);
            byName.put(name, resolution);
        }
        return new GaadRoleLookup(byArn, byName);
    }

    private void readPolicies(JsonNode policies) {
        if (policies == null || policies.isNull()) {
            return;
        }
        if (!policies.isArray()) {
            throw new GaadParseException("Policies", "expected an array");
        }
        List<JsonNode> items = policies.asArray();
        for (int i = 0; i < items.size(); i++) {
            String at = "Policies[" + i + "]";
            Map<String, JsonNode> policy = object(items.get(i), at);
            String arn = requiredString(policy, "Arn", at);
            String defaultVersion = optionalString(policy, "DefaultVersionId").orElse("");
            JsonNode versions = policy.get("PolicyVersionList");
            if (versions == null || !versions.isArray()) {
                continue;
            }
            List<JsonNode> list = versions.asArray();
            for (int v = 0; v < list.size(); v++) {
                Map<String, JsonNode> version = object(list.get(v), at + ".PolicyVersionList[" + v + "]");
                boolean isDefault = Optional.ofNullable(version.get("IsDefaultVersion"))
                        .filter(JsonNode::isBoolean).map(JsonNode::asBoolean).orElse(false)
                        || defaultVersion.equals(optionalString(version, "VersionId").orElse(null));
                if (isDefault && version.get("Document") != null) {
                    managedDocuments.put(arn, version.get("Document"));
                    managedLocations.put(arn, at + ".PolicyVersionList[" + v + "].Document");
                }
            }
        }
    }

    private RoleResolution role(Map<String, JsonNode> role, String arn, String name, String at) {
        List<String> gaps = new ArrayList<>();
        try {
            NamedPolicy trust = new NamedPolicy("trust", document(role.get("AssumeRolePolicyDocument"),
                    at + ".AssumeRolePolicyDocument", PolicyKind.TRUST));
            List<NamedPolicy> inline = new ArrayList<>();
            List<JsonNode> inlineNodes = array(role, "RolePolicyList", at);
            for (int i = 0; i < inlineNodes.size(); i++) {
                String pat = at + ".RolePolicyList[" + i + "]";
                Map<String, JsonNode> p = object(inlineNodes.get(i), pat);
                inline.add(new NamedPolicy(requiredString(p, "PolicyName", pat),
                        document(p.get("PolicyDocument"), pat + ".PolicyDocument", PolicyKind.IDENTITY)));
            }
            List<NamedPolicy> managed = new ArrayList<>();
            List<JsonNode> attached = array(role, "AttachedManagedPolicies", at);
            for (int i = 0; i < attached.size(); i++) {
                String policyArn = requiredString(object(attached.get(i), at + ".AttachedManagedPolicies[" + i
                        + "]"), "PolicyArn", at + ".AttachedManagedPolicies[" + i + "]");
                managed(policyArn).ifPresentOrElse(managed::add, () -> gaps.add(policyArn));
            }
            Optional<NamedPolicy> boundary = Optional.empty();
            JsonNode boundaryNode = role.get("PermissionsBoundary");
            if (boundaryNode != null && !boundaryNode.isNull()) {
                String boundaryArn = requiredString(object(boundaryNode, at + ".PermissionsBoundary"),
                        "PermissionsBoundaryArn", at + ".PermissionsBoundary");
                boundary = managed(boundaryArn);
                if (boundary.isEmpty()) {
                    gaps.add(boundaryArn + " (permissions boundary)");
                }
            }
            if (!gaps.isEmpty()) {
                return RoleResolution.unknown("the saved account details lack the document of "
                        + String.join(", ", gaps) + " attached to role " + name + "; save them with `aws iam "
                        + "get-account-authorization-details` including AWSManagedPolicy and LocalManagedPolicy");
            }
            return RoleResolution.found(new RoleSnapshot(arn, name, optionalString(role, "Path").orElse("/"),
                    trust, inline, managed, boundary, tags(role, at)));
        } catch (PolicyParseException e) {
            return RoleResolution.unknown("a policy of role " + name + " cannot be read: " + e.getMessage());
        }
    }

    private Optional<NamedPolicy> managed(String policyArn) {
        JsonNode doc = managedDocuments.get(policyArn);
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(new NamedPolicy(policyArn, document(doc, managedLocations.get(policyArn),
                PolicyKind.IDENTITY)));
    }

    private static PolicyDocument document(JsonNode node, String at, PolicyKind kind) {
        if (node == null || node.isNull()) {
            throw new PolicyParseException(at, "missing policy document");
        }
        String text = node.isString() ? node.asString() : Json.write(PlainJson.of(node));
        try {
            return PolicyDocument.parse(text, kind);
        } catch (PolicyParseException e) {
            throw new PolicyParseException(at + (e.location().isEmpty() ? "" : ": " + e.location()), e.reason());
        }
    }

    private static Map<String, String> tags(Map<String, JsonNode> role, String at) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : array(role, "Tags", at)) {
            Map<String, JsonNode> t = object(tag, at + ".Tags");
            tags.put(requiredString(t, "Key", at + ".Tags"), optionalString(t, "Value").orElse(""));
        }
        return tags;
    }

    private static List<JsonNode> array(Map<String, JsonNode> fields, String key, String at) {
        JsonNode node = fields.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new GaadParseException(at + "." + key, "expected an array");
        }
        return node.asArray();
    }

    private static Map<String, JsonNode> object(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new GaadParseException(at, "expected a JSON object");
        }
        return node.asObject();
    }

    private static String requiredString(Map<String, JsonNode> fields, String key, String at) {
        return optionalString(fields, key).filter(s -> !s.isBlank())
                .orElseThrow(() -> new GaadParseException(at + "." + key, "missing or not a string"));
    }

    private static Optional<String> optionalString(Map<String, JsonNode> fields, String key) {
        JsonNode node = fields.get(key);
        return node != null && node.isString() ? Optional.of(node.asString()) : Optional.empty();
    }
}
