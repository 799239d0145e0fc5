package dev.ecsiamguard.core.spec;

import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyQuestions;
import dev.ecsiamguard.core.provision.RoleState;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.provision.TaskRoleCapability;
import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The upgrade path: roles written before specs existed carry the declaration in their own documents. A first
 * spec adopts it (regions and repositories, secret prefixes, grants, capabilities), so the first write of the
 * new layout only ever adds. Only this application's own statements (by their Sid) in its own policies are read;
 * capabilities are decided by asking the policy engine what the task policy allows.
 */
public final class LegacyRoles {

    private LegacyRoles() {
    }

    public static ServiceSpec adopt(ServiceSpec seed, RoleState executionRole, RoleState taskRole) {
        ServiceSpec spec = seed;
        if (executionRole.exists() && executionRole.managedByUs()) {
            // The environment that wrote the roles keeps them: another environment's stack must not adopt them.
            String environment = executionRole.tags().getOrDefault("Environment", seed.environment());
            spec = adoptExecutionRole(new ServiceSpec(seed.id(), seed.service(), environment, seed.capabilities(),
                    seed.secretsManagerPrefixes(), seed.ssmParameterPrefixes(), seed.regions(),
                    seed.executionGrants(), seed.announced(), seed.version()), executionRole);
        }
        if (taskRole.exists() && taskRole.managedByUs()) {
            String own = taskRole.inlinePolicies().get(ServiceBlueprint.TASK_POLICY_NAME);
            if (own != null) {
                PolicyQuestions questions = PolicyQuestions.of(List.of(new NamedPolicy(
                        ServiceBlueprint.TASK_POLICY_NAME, PolicyDocument.parseIdentity(own))), null);
                List<String> granted = new ArrayList<>();
                for (TaskRoleCapability capability : TaskRoleCapability.values()) {
                    if (questions.allowedActions(capability.actions(), "*").containsAll(capability.actions())) {
                        granted.add(capability.name().toLowerCase(Locale.ROOT));
                    }
                }
                spec = spec.withCapabilitiesAdded(granted);
            }
        }
        return spec;
    }

    private static ServiceSpec adoptExecutionRole(ServiceSpec seed, RoleState role) {
        ServiceSpec[] spec = {seed};
        List<String> regions = new ArrayList<>();
        forEach(role.trustPolicy(), "EcsTasksAssumeRole", (statement, unused) -> values(statement.asObject()
                .get("Condition").asObject().get("ArnLike").asObject().get("aws:SourceArn"))
                .forEach(arn -> regions.add(arn.split(":")[3])));
        String own = role.inlinePolicies().get(ServiceBlueprint.EXECUTION_POLICY_NAME);
        List<String> secrets = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        if (own != null) {
            forEach(own, null, (statement, sid) -> {
                List<String> resources = values(statement.asObject().get("Resource"));
                switch (sid) {
                    case "EcrPullServiceRepository" -> resources.forEach(arn -> spec[0] = spec[0].withRegion(
                            arn.split(":")[3], arn.substring(arn.indexOf(":repository/") + 12)));
                    case "ReadServiceSecrets" -> resources.forEach(arn -> secrets.add(prefix(arn, ":secret:")));
                    case "ReadServiceParameters" -> resources.forEach(arn -> parameters.add(prefix(arn,
                            ":parameter/")));
                    case "GrantedSecrets", "GrantedParameters", "GrantedKeys" ->
                            resources.forEach(arn -> spec[0] = spec[0].withExecutionGrant(arn));
                    default -> {
                    }
                }
            });
        }
        ServiceSpec adopted = spec[0];
        for (String region : regions) {
            if (!adopted.regions().containsKey(region)) {
                adopted = adopted.withRegion(region, adopted.regions().isEmpty() ? adopted.service()
                        : adopted.regions().values().iterator().next());
            }
        }
        if (!secrets.isEmpty()) {
            adopted = adopted.withSecretsManagerPrefixes(secrets);
        }
        return parameters.isEmpty() ? adopted : adopted.withSsmParameterPrefixes(parameters);
    }

    private static String prefix(String arn, String marker) {
        String rest = arn.substring(arn.indexOf(marker) + marker.length());
        return rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
    }

    // Calls back with each statement (and its Sid) of a document. A document that cannot be read stops the
    // adoption: adopting nothing from it would let the next write take away what the role grants today.
    private static void forEach(String document, String onlySid, BiConsumer<JsonNode, String> action) {
        JsonNode statements;
        try {
            statements = Json.parse(document).asObject().get("Statement");
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException("a policy document of the tool's own role cannot be read ("
                    + unreadable.getMessage() + "): not adopting it, nothing written", unreadable);
        }
        List<JsonNode> list = statements == null ? List.of() : statements.isArray() ? statements.asArray()
                : List.of(statements);
        for (JsonNode statement : list) {
            JsonNode sid = statement.isObject() ? statement.asObject().get("Sid") : null;
            String name = sid != null && sid.isString() ? sid.asString() : "";
            if (onlySid == null || onlySid.equals(name)) {
                try {
                    action.accept(statement, name);
                } catch (RuntimeException notOurShape) {
                    // edited by hand: nothing to adopt from this statement
                }
            }
        }
    }

    private static List<String> values(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isString()) {
            return List.of(node.asString());
        }
        return node.isArray() ? node.asArray().stream().filter(JsonNode::isString).map(JsonNode::asString).toList()
                : List.of();
    }
}
