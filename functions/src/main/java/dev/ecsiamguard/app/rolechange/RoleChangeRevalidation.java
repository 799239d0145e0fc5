package dev.ecsiamguard.app.rolechange;

import dev.ecsiamguard.app.ValidationResult;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.event.RoleChanged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Re-judges what a role change affects in this region: for each role the change touches, the index says which
 * families and services use it; each family's latest ACTIVE revision and each service's current revision that
 * (still) use the role are validated again, and one result per revision is published naming the change.
 * Before that, each changed role's change marker is moved to the event's time, so warm environments read it afresh.
 * A change to a role no revision uses costs the marker and one index lookup; a replayed event publishes nothing.
 */
public final class RoleChangeRevalidation {

    public static final String DETAIL_TYPE = "Role Change Revalidated";

    private final RoleUsageIndex index;
    private final EcsRevisions ecs;
    private final PolicyAttachments policies;
    private final RevisionJudge judge;
    private final ResultPublisher publisher;
    private final RoleChangeMarks marks;

    public RoleChangeRevalidation(RoleUsageIndex index, EcsRevisions ecs, PolicyAttachments policies,
                                  RevisionJudge judge, ResultPublisher publisher, RoleChangeMarks marks) {
        this.marks = marks;
        this.index = index;
        this.ecs = ecs;
        this.policies = policies;
        this.judge = judge;
        this.publisher = publisher;
    }

    /** A revision to judge again, with why: the roles it uses that changed, the services running it. */
    private static final class Target {
        final Revision revision;
        final Set<String> usedAs = new LinkedHashSet<>();
        final Set<String> roles = new LinkedHashSet<>();
        final Set<String> services = new LinkedHashSet<>();
        boolean latestOfFamily;

        Target(Revision revision) {
            this.revision = revision;
        }
    }

    public Map<String, Object> revalidate(RoleChanged change) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trigger", change.describe());
        if (!change.changesEffectivePermissions()) {
            return status(out, "ignored", "the new policy version is not the default: no role's permissions changed");
        }
        List<String> roles = change.roleName().map(List::of)
                .orElseGet(() -> policies.rolesUsing(change.policyArn().orElseThrow()));
        // Every changed role, used here or not: provisioning and validation elsewhere may hold a read of it.
        List<String> marked = roles.isEmpty() ? List.of() : marks.changed(roles, change.when());
        if (!marked.isEmpty()) {
            out.put("markers", marked);
        }
        Map<String, List<RoleUser>> usersByRole = new LinkedHashMap<>();
        roles.forEach(role -> {
            List<RoleUser> users = index.users(role);
            if (!users.isEmpty()) {
                usersByRole.put(role, users);
            }
        });
        if (usersByRole.isEmpty()) {
            return status(out, "unrelated", "no ECS task definition family or service of this region uses "
                    + (roles.isEmpty() ? "a role with this policy" : "role " + String.join(", ", roles)));
        }
        if (index.handled(change.eventId())) {
            return status(out, "replay", "event " + change.eventId() + " was already handled: nothing published");
        }
        Map<String, Target> targets = targets(usersByRole);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Target target : targets.values()) {
            results.add(judgeAndPublish(change, target));
        }
        index.markHandled(change.eventId());
        out.put("status", "ok");
        out.put("roles", List.copyOf(usersByRole.keySet()));
        out.put("revisions", results);
        out.put("passed", results.stream().allMatch(r -> Boolean.TRUE.equals(r.get("passed"))));
        return out;
    }

    private Map<String, Target> targets(Map<String, List<RoleUser>> usersByRole) {
        Map<String, Target> targets = new LinkedHashMap<>();
        Map<String, Optional<Revision>> described = new LinkedHashMap<>();
        usersByRole.forEach((role, users) -> {
            for (RoleUser family : users.stream().filter(u -> u.kind() == RoleUser.Kind.FAMILY).toList()) {
                Optional<Revision> latest = described.computeIfAbsent(family.key(), ecs::revision);
                // The latest may also be what a service runs: described once, by family, for both.
                latest.ifPresent(rev -> described.putIfAbsent(rev.arn(), latest));
                latest.filter(Revision::active).ifPresent(rev -> add(targets, rev, role, null, true));
            }
            Map<String, List<String>> servicesByCluster = new LinkedHashMap<>();
            users.stream().filter(u -> u.kind() == RoleUser.Kind.SERVICE).forEach(u -> servicesByCluster
                    .computeIfAbsent(u.cluster(), c -> new ArrayList<>()).add(u.key()));
            servicesByCluster.forEach((cluster, services) -> ecs.currentRevisions(cluster, services)
                    .forEach((service, arn) -> described.computeIfAbsent(arn, ecs::revision)
                            .ifPresent(rev -> add(targets, rev, role, service, false))));
        });
        return targets;
    }

    // Index entries can be stale: only a revision that really uses the role now is judged for it.
    private static void add(Map<String, Target> targets, Revision rev, String role, String service, boolean latest) {
        List<String> uses = rev.uses(role);
        if (uses.isEmpty()) {
            return;
        }
        Target t = targets.computeIfAbsent(rev.arn(), a -> new Target(rev));
        t.latestOfFamily |= latest;
        t.usedAs.addAll(uses);
        t.roles.add(role);
        if (service != null) {
            t.services.add(service);
        }
    }

    private Map<String, Object> judgeAndPublish(RoleChanged change, Target target) {
        Revision rev = target.revision;
        ValidationResult result = judge.judge(rev.arn(), rev.family(), change.account());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("taskDefinitionArn", rev.arn());
        summary.put("status", result.status());
        if (!"ok".equals(result.status())) {
            summary.put("error", result.error());
            return summary;
        }
        summary.put("passed", result.passed());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("trigger", change.describe());
        detail.put("taskDefinitionArn", rev.arn());
        detail.put("family", rev.family());
        detail.put("roles", List.copyOf(target.roles));
        detail.put("usedAs", List.copyOf(target.usedAs));
        detail.put("services", List.copyOf(target.services));
        detail.put("latestActiveOfFamily", target.latestOfFamily);
        detail.put("passed", result.passed());
        detail.putAll(result.report());
        publisher.publish(Json.write(detail), rev.arn());
        summary.put("findings", findingIds(result.report()));
        return summary;
    }

    private static List<Object> findingIds(Map<String, Object> report) {
        Object findings = report.get("findings");
        return findings instanceof List<?> list ? list.stream()
                .map(f -> f instanceof Map<?, ?> m ? m.get("ruleId") : f).map(o -> (Object) o).toList() : List.of();
    }

    private static Map<String, Object> status(Map<String, Object> out, String status, String why) {
        out.put("status", status);
        out.put("note", why);
        return out;
    }
}
