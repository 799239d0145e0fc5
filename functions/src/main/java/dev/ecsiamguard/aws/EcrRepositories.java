package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.provision.AccountScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** Reads a repository's tags, which carry a service's opt-in settings. */
public final class EcrRepositories {

    private final EcrClient ecr;

    public EcrRepositories(EcrClient ecr) {
        this.ecr = ecr;
    }

    /**
     * The repository's tags, or empty when the repository no longer exists: one ListTagsForResource on the ARN
     * the repository must have (the call fails with RepositoryNotFoundException when it is gone).
     */
    public Optional<Map<String, String>> tags(AccountScope scope, String repositoryName) {
        String arn = scope.arn("ecr", "repository/" + repositoryName);
        Map<String, String> tags = new TreeMap<>();
        try {
            ecr.listTagsForResource(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
        } catch (RepositoryNotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(tags);
    }

    /** Every repository name of the registry, to find the one a service name was derived from. */
    public List<String> names(String registryId) {
        return ecr.describeRepositoriesPaginator(r -> r.registryId(registryId)).repositories().stream()
                .map(Repository::repositoryName).toList();
    }
}
