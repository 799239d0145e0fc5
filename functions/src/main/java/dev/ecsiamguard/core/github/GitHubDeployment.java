package dev.ecsiamguard.core.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configured GitHub deployment: which repository may deploy which ECS service, from which branches or
 * environments. Validated strictly up front, so a typo fails with the field's name before any AWS call.
 */
public record GitHubDeployment(String service, String owner, String repository, Optional<String> ownerId,
                               Optional<String> repositoryId, List<String> branches, List<String> environments,
                               boolean allowPullRequests, String ecrRepository, String cluster, String ecsService,
                               Optional<String> region, boolean production) {

    // GitHub: owners are 1-39 alphanumerics or single inner hyphens; repositories are 1-100 of [A-Za-z0-9._-].
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,19}");
    // A git ref component: no wildcard, space, `:`, `~`, `^`, `?`, `*`, `[`, `\`, no `..`, not ending in `/` or `.`.
    private static final Pattern BRANCH = Pattern.compile("[^\\s:~^?*\\[\\\\]{1,255}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[^\\s:*?'\"`,;\\\\/]{1,255}");
    private static final Pattern ECR = Pattern.compile(
            "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    public GitHubDeployment {
        String where = "GITHUB_DEPLOYMENTS service `" + service + "`";
        require(service != null && service.matches("[a-z0-9][a-z0-9._-]*"), where, "service",
                "lowercase letters, digits, `.`, `_` or `-`");
        require(owner != null && OWNER.matcher(owner).matches(), where, "repository",
                "`OWNER/REPO` with a GitHub owner name (letters, digits, single hyphens, at most 39)");
        require(repository != null && REPOSITORY.matcher(repository).matches() && !repository.equals(".")
                && !repository.equals(".."), where, "repository",
                "`OWNER/REPO` with a GitHub repository name (letters, digits, `.`, `_`, `-`, at most 100)");
        ownerId.ifPresent(id -> require(ID.matcher(id).matches(), where, "ownerId", "a numeric GitHub id"));
        repositoryId.ifPresent(id -> require(ID.matcher(id).matches(), where, "repositoryId",
                "a numeric GitHub id"));
        require(ownerId.isPresent() == repositoryId.isPresent(), where, "ownerId",
                "both `ownerId` and `repositoryId`, or neither");
        branches = List.copyOf(branches);
        environments = List.copyOf(environments);
        require(!branches.isEmpty() || !environments.isEmpty(), where, "branches",
                "at least one branch or environment");
        branches.forEach(b -> require(BRANCH.matcher(b).matches() && !b.contains("..") && !b.endsWith("/")
                && !b.endsWith(".") && !b.startsWith("/"), where, "branches", "branch names without wildcards"));
        environments.forEach(e -> require(ENVIRONMENT.matcher(e).matches(), where, "environments",
                "environment names without wildcards, `:` or `/`"));
        require(ecrRepository != null && ECR.matcher(ecrRepository).matches(), where, "ecrRepository",
                "an ECR repository name");
        require(cluster != null && ECS_NAME.matcher(cluster).matches(), where, "cluster", "an ECS cluster name");
        require(ecsService != null && ECS_NAME.matcher(ecsService).matches(), where, "ecsService",
                "an ECS service name");
        region.ifPresent(r -> require(REGION.matcher(r).matches(), where, "region", "an AWS region name"));
    }

    /** `OWNER/REPO` as people write it. */
    public String fullName() {
        return owner + "/" + repository;
    }

    public boolean hasIds() {
        return ownerId.isPresent();
    }

    /**
     * The exact `sub` values a workflow of this deployment presents: one per branch and environment, plus
     * `pull_request` when asked for. With ids configured only the immutable form is allowed (see README).
     */
    public List<String> subjects() {
        String prefix = hasIds()
                ? "repo:" + owner + "@" + ownerId.get() + "/" + repository + "@" + repositoryId.get()
                : "repo:" + owner + "/" + repository;
        List<String> out = new ArrayList<>();
        branches.forEach(b -> out.add(prefix + ":ref:refs/heads/" + b));
        environments.forEach(e -> out.add(prefix + ":environment:" + e));
        if (allowPullRequests) {
            out.add(prefix + ":pull_request");
        }
        return out;
    }

    private static void require(boolean ok, String where, String field, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(where + ": field `" + field + "`: expected " + expected);
        }
    }
}
