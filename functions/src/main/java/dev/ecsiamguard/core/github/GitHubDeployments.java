package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** The `GITHUB_DEPLOYMENTS` configuration: a JSON array of deployments, read strictly (unknown fields fail). */
public record GitHubDeployments(List<GitHubDeployment> all) {

    public static final String VARIABLE = "GITHUB_DEPLOYMENTS";
    private static final Set<String> FIELDS = Set.of("service", "repository", "repositoryId", "ownerId", "branches",
            "environments", "allowPullRequests", "ecrRepository", "cluster", "ecsService", "region", "production");

    public GitHubDeployments {
        all = List.copyOf(all);
        Set<String> services = new HashSet<>();
        for (GitHubDeployment d : all) {
            if (!services.add(d.service())) {
                throw new IllegalArgumentException(VARIABLE + ": service `" + d.service() + "` is configured twice");
            }
        }
    }

    public static GitHubDeployments none() {
        return new GitHubDeployments(List.of());
    }

    /** Parses the variable's text; blank means no deployments. Defaults: the cluster and region of the stack. */
    public static GitHubDeployments parse(String text, String defaultCluster, Optional<String> defaultRegion) {
        if (text == null || text.isBlank()) {
            return none();
        }
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(VARIABLE + " is not valid JSON: " + e.getMessage());
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException(VARIABLE + " must be a JSON array of deployments");
        }
        List<GitHubDeployment> out = new ArrayList<>();
        int index = 0;
        for (JsonNode item : root.asArray()) {
            out.add(deployment(item, VARIABLE + "[" + index++ + "]", defaultCluster, defaultRegion));
        }
        return new GitHubDeployments(out);
    }

    public Optional<GitHubDeployment> forService(String service) {
        return all.stream().filter(d -> d.service().equals(service)).findFirst();
    }

    /** Owners (organisations or users) configured anywhere, compared case-insensitively as GitHub does. */
    public Set<String> owners() {
        Set<String> owners = new HashSet<>();
        all.forEach(d -> owners.add(d.owner().toLowerCase(java.util.Locale.ROOT)));
        return owners;
    }

    private static GitHubDeployment deployment(JsonNode node, String where, String defaultCluster,
                                               Optional<String> defaultRegion) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        Map<String, JsonNode> fields = node.asObject();
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field `" + name + "`; known fields: "
                        + new java.util.TreeSet<>(FIELDS));
            }
        }
        String service = text(fields, "service", where).orElseThrow(() -> missing(where, "service"));
        String repository = text(fields, "repository", where).orElseThrow(() -> missing(where, "repository"));
        int slash = repository.indexOf('/');
        if (slash <= 0 || slash != repository.lastIndexOf('/')) {
            throw new IllegalArgumentException(where + ": field `repository`: expected `OWNER/REPO`, got `"
                    + repository + "`");
        }
        return new GitHubDeployment(service, repository.substring(0, slash), repository.substring(slash + 1),
                text(fields, "ownerId", where), text(fields, "repositoryId", where),
                list(fields, "branches", where), list(fields, "environments", where),
                bool(fields, "allowPullRequests", where), text(fields, "ecrRepository", where).orElse(service),
                text(fields, "cluster", where).orElse(defaultCluster),
                text(fields, "ecsService", where).orElse(service),
                text(fields, "region", where).or(() -> defaultRegion),
                bool(fields, "production", where));
    }

    private static Optional<String> text(Map<String, JsonNode> fields, String name, String where) {
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isString()) {
            return Optional.of(v.asString());
        }
        if (v.isNumber()) {
            return Optional.of(v.asNumber());
        }
        throw new IllegalArgumentException(where + ": field `" + name + "` must be a string");
    }

    private static List<String> list(Map<String, JsonNode> fields, String name, String where) {
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray() || !v.asArray().stream().allMatch(JsonNode::isString)) {
            throw new IllegalArgumentException(where + ": field `" + name + "` must be an array of strings");
        }
        return v.asArray().stream().map(JsonNode::asString).toList();
    }

    private static boolean bool(Map<String, JsonNode> fields, String name, String where) {
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(where + ": field `" + name + "` must be true or false");
        }
        return v.asBoolean();
    }

    private static IllegalArgumentException missing(String where, String field) {
        return new IllegalArgumentException(where + ": field `" + field + "` is required");
    }
}
