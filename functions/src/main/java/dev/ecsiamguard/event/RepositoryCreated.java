package dev.ecsiamguard.event;

/** A successful `ecr:CreateRepository`: which repository, in which account and region. */
public record RepositoryCreated(String repositoryName, String account, String region, String eventId) {

    public static RepositoryCreated from(CloudTrailCall call) {
        call.require("ecr.amazonaws.com", "CreateRepository");
        String name = call.response("repository.repositoryName")
                .or(() -> call.request("repositoryName"))
                .orElseThrow(() -> new InvalidEventException(
                        "event has no `detail.responseElements.repository.repositoryName`"));
        String account = call.response("repository.registryId").orElse(call.account());
        return new RepositoryCreated(name, account, call.region(), call.eventId());
    }
}
