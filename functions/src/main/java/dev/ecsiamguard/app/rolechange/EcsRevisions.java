package dev.ecsiamguard.app.rolechange;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: what ECS says now about revisions and services of this region. */
public interface EcsRevisions {

    /** The revision by ARN, or a family's latest ACTIVE revision; empty when ECS does not know it. */
    Optional<Revision> revision(String arnOrFamily);

    /** The revision each ACTIVE service of the list currently runs, by service ARN; missing ones are left out. */
    Map<String, String> currentRevisions(String cluster, List<String> services);
}
