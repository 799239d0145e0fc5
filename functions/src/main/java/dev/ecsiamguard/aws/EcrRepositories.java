package dev.ecsiamguard.aws;

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

    /** The repository's tags, or empty when the repository no longer exists. */
    public Optional<Map<String, String>> tags(String registryId, String repositoryName) {
        Repository repository;
        try {
            // An empty answer (another registry's name, on some endpoints) means the same as "not found".
            repository = ecr.describeRepositories(r -> r.registryId(registryId).repositoryNames(repositoryName))
                    .repositories().stream().findFirst().orElse(null);
        } catch (RepositoryNotFoundException e) {
            return Optional.empty();
        }
        if (repository == null) {
            return Optional.empty();
        }
        Map<String, String> tags = new TreeMap<>();
        ecr.listTagsForResource(r -> r.resourceArn(repository.repositoryArn())).tags()
                .forEach(t -> tags.put(t.key(), t.value()));
        return Optional.of(tags);
    }

    /** Every repository name of the registry, to find the one a service name was derived from. */
    public List<String> names(String registryId) {
        return ecr.describeRepositoriesPaginator(r -> r.registryId(registryId)).repositories().stream()
                .map(Repository::repositoryName).toList();
    }
}
