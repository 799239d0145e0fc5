package dev.ecsiamguard.app.rolechange;

import dev.ecsiamguard.event.ServiceChanged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the role-usage index up to date: after every validation of a revision (its family uses its roles) and after
 * every service creation or update (the service runs a revision that uses its roles). Writes only what is new, so a
 * replayed event writes nothing.
 */
public final class RoleUsageIndexing {

    private final RoleUsageIndex index;
    private final EcsRevisions ecs;

    public RoleUsageIndexing(RoleUsageIndex index, EcsRevisions ecs) {
        this.index = index;
        this.ecs = ecs;
    }

    /** A revision was validated: its family uses its task and execution roles. */
    public Map<String, Object> validated(String taskDefinitionArn) {
        Optional<Revision> revision = ecs.revision(taskDefinitionArn);
        if (revision.isEmpty()) {
            return gone(taskDefinitionArn, "ECS does not know this task definition (any more): nothing indexed");
        }
        List<String> changes = new ArrayList<>();
        recordFamily(revision.get(), changes);
        return ok(taskDefinitionArn, changes);
    }

    /** A service was created or updated: it and its revision's family use the revision's roles. */
    public Map<String, Object> serviceChanged(ServiceChanged event) {
        Map<String, String> current = ecs.currentRevisions(event.cluster(), List.of(event.service()));
        if (current.isEmpty()) {
            return gone(event.service(), "no ACTIVE service " + event.service() + " in cluster " + event.cluster()
                    + ": nothing indexed");
        }
        Map.Entry<String, String> service = current.entrySet().iterator().next();
        Optional<Revision> revision = ecs.revision(service.getValue());
        if (revision.isEmpty()) {
            return gone(service.getValue(), "ECS does not know the service's task definition: nothing indexed");
        }
        List<String> changes = new ArrayList<>();
        for (String role : revision.get().roleNames()) {
            if (index.record(role, RoleUser.service(service.getKey(), event.cluster(), revision.get().arn()))) {
                changes.add("index role " + role + ": service " + service.getKey() + " runs " + revision.get().arn());
            }
        }
        recordFamily(revision.get(), changes);
        return ok(service.getKey(), changes);
    }

    private void recordFamily(Revision revision, List<String> changes) {
        for (String role : revision.roleNames()) {
            if (index.record(role, RoleUser.family(revision.family(), revision.arn()))) {
                changes.add("index role " + role + ": family " + revision.family() + " (" + revision.arn() + ")");
            }
        }
    }

    private static Map<String, Object> ok(String subject, List<String> changes) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("subject", subject);
        out.put("changes", changes);
        return out;
    }

    private static Map<String, Object> gone(String subject, String why) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "gone");
        out.put("subject", subject);
        out.put("note", why);
        out.put("changes", List.of());
        return out;
    }
}
