package dev.ecsiamguard.api;

import dev.ecsiamguard.core.provision.ProvisioningConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * `POST /github/deploy-roles`, validated: which GitHub repository (name, and the numeric ids that immutable
 * subject claims carry) may deploy which service, from which branches or environments. No wildcards: the point
 * of a deploy role is a pinned `sub`.
 */
public record DeployRoleRequest(String owner, String repository, Optional<Long> ownerId,
                                Optional<Long> repositoryId, List<String> branches, List<String> environments,
                                String service) {

    static final Set<String> FIELDS = Set.of("repository", "ownerId", "repositoryId", "branches", "environments",
            "service");
    // GitHub's rules: an owner is 1-39 letters, digits or single inner hyphens; a repository name is 1-100
    // letters, digits, `.`, `_` or `-`, and not `.` or `..`.
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]{1,255}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    public DeployRoleRequest {
        branches = List.copyOf(branches);
        environments = List.copyOf(environments);
    }

    public static DeployRoleRequest parse(String body, ProvisioningConfig config) {
        JsonBody json = JsonBody.parse(body, false, FIELDS);
        String full = json.requiredString("repository");
        int slash = full.indexOf('/');
        String owner = slash < 0 ? "" : full.substring(0, slash);
        String name = slash < 0 ? "" : full.substring(slash + 1);
        if (!OWNER.matcher(owner).matches() || !NAME.matcher(name).matches() || name.equals(".")
                || name.equals("..")) {
            throw ApiException.invalid("repository", "`" + full + "` is not a GitHub repository `owner/name`");
        }
        List<String> branches = json.strings("branches").orElse(List.of());
        List<String> environments = json.strings("environments").orElse(List.of());
        if (branches.isEmpty() && environments.isEmpty()) {
            throw ApiException.invalid("branches", "name at least one branch or environment that may deploy");
        }
        for (int i = 0; i < branches.size(); i++) {
            requireBranch(branches.get(i), "branches[" + i + "]");
        }
        for (int i = 0; i < environments.size(); i++) {
            if (!ENVIRONMENT.matcher(environments.get(i)).matches()) {
                throw ApiException.invalid("environments[" + i + "]", "`" + environments.get(i)
                        + "` must be 1-255 letters, digits, `.`, `_` or `-` (no wildcards)");
            }
        }
        String service = ServiceNames.require(json.requiredString("service"), "service", config);
        Optional<Long> ownerId = json.id("ownerId");
        Optional<Long> repositoryId = json.id("repositoryId");
        if (ownerId.isPresent() != repositoryId.isPresent()) {
            String missing = ownerId.isPresent() ? "repositoryId" : "ownerId";
            throw ApiException.invalid(missing, "`ownerId` and `repositoryId` go together: give both (the immutable"
                    + " `repo:OWNER@ID/REPO@ID` subject needs both) or neither");
        }
        return new DeployRoleRequest(owner, name, ownerId, repositoryId, branches, environments, service);
    }

    private static void requireBranch(String branch, String field) {
        if (!BRANCH.matcher(branch).matches() || branch.startsWith("/") || branch.endsWith("/")
                || branch.contains("..") || branch.contains("//") || branch.endsWith(".lock")
                || branch.startsWith("refs/")) {
            throw ApiException.invalid(field, "`" + branch + "` is not a branch name (give `main`, not"
                    + " `refs/heads/main`; no wildcards)");
        }
    }
}
