package dev.ecsiamguard.core.provision;

import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares desired with current state and returns only the writes that differ. It changes only what carries
 * this application's `ManagedBy` tag; anything else with a matching name, or attached by hand, becomes a note.
 * Nothing here ever deletes, detaches or resets.
 */
public final class Reconciler {

    /**
     * The inline policies this application writes, whatever the region, environment or spec, and the one earlier
     * versions recorded remediation grants in (now adopted into the spec, so no longer written).
     */
    static final Set<String> OWN_POLICIES = Set.of(ServiceBlueprint.EXECUTION_POLICY_NAME,
            ServiceBlueprint.TASK_POLICY_NAME, dev.ecsiamguard.core.remediate.ExecutionGrants.POLICY_NAME);

    public Plan plan(DesiredService desired, ServiceState current) {
        List<Change> changes = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        role(desired.executionRole(), current.executionRole(), changes, notes);
        role(desired.taskRole(), current.taskRole(), changes, notes);
        logGroup(desired.logGroup(), current.logGroup(), changes, notes);
        cluster(desired.cluster(), current.cluster(), changes, notes);
        return new Plan(changes, notes);
    }

    /** The writes that bring one role to its desired state, for flows that own a single role (GitHub deploy roles). */
    public Plan planRole(DesiredRole want, RoleState have) {
        List<Change> changes = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        role(want, have, changes, notes);
        return new Plan(changes, notes);
    }

    private void role(DesiredRole want, RoleState have, List<Change> changes, List<Note> notes) {
        if (!have.exists()) {
            changes.add(new Change.CreateRole(want));
            want.inlinePolicies().forEach((name, doc) -> changes.add(new Change.PutInlinePolicy(want.name(), name,
                    doc)));
            want.managedPolicyArns().forEach(arn -> changes.add(new Change.AttachManagedPolicy(want.name(), arn)));
            return;
        }
        String resource = have.arn();
        if (!have.managedByUs()) {
            notes.add(new Note(resource, "role " + have.name() + " exists but is not tagged ManagedBy="
                    + ServiceBlueprint.MANAGED_BY + "; it was left unchanged."));
            return;
        }
        if (!have.path().equals(want.path())) {
            notes.add(new Note(resource, "role " + have.name() + " has path " + have.path() + " instead of "
                    + want.path() + "; IAM cannot move a role, so it was left on its path."));
        }
        if (!Json.sameValue(have.trustPolicy(), want.trustPolicy())) {
            changes.add(new Change.UpdateTrustPolicy(want.name(), want.trustPolicy()));
        }
        want.boundaryArn().filter(arn -> !have.boundaryArn().map(arn::equals).orElse(false))
                .ifPresent(arn -> changes.add(new Change.PutPermissionsBoundary(want.name(), arn)));
        Map<String, String> missingTags = missingTags(want.tags(), have.tags());
        if (!missingTags.isEmpty()) {
            changes.add(new Change.TagRole(want.name(), missingTags));
        }
        want.inlinePolicies().forEach((name, doc) -> {
            String existing = have.inlinePolicies().get(name);
            if (existing == null || !Json.sameValue(existing, doc)) {
                changes.add(new Change.PutInlinePolicy(want.name(), name, doc));
            }
        });
        Set<String> attached = new HashSet<>(have.attachedPolicyArns());
        want.managedPolicyArns().stream().filter(arn -> !attached.contains(arn))
                .forEach(arn -> changes.add(new Change.AttachManagedPolicy(want.name(), arn)));
        foreignPermissions(want, have, notes);
    }

    private void foreignPermissions(DesiredRole want, RoleState have, List<Note> notes) {
        for (String name : new TreeMap<>(have.inlinePolicies()).keySet()) {
            if (OWN_POLICIES.contains(name) && !want.inlinePolicies().containsKey(name)) {
                notes.add(new Note(have.arn(), "role " + have.name() + " keeps ecs-iam-guard's inline policy " + name
                        + ", which its spec no longer asks for; nothing is removed automatically (delete it with"
                        + " `aws iam delete-role-policy` once no task needs it)."));
            } else if (!want.inlinePolicies().containsKey(name)) {
                notes.add(new Note(have.arn(), "role " + have.name() + " has inline policy " + name
                        + " that ecs-iam-guard did not write; it was left in place."));
            }
        }
        for (String arn : have.attachedPolicyArns()) {
            if (!want.managedPolicyArns().contains(arn)) {
                notes.add(new Note(have.arn(), "role " + have.name() + " has " + arn
                        + " attached by someone else; it was left attached."));
            }
        }
    }

    private void logGroup(DesiredLogGroup want, LogGroupState have, List<Change> changes, List<Note> notes) {
        if (!have.exists()) {
            changes.add(new Change.CreateLogGroup(want));
            changes.add(new Change.PutRetention(want.name(), want.retentionDays()));
            return;
        }
        boolean retentionDiffers = have.retentionDays().map(days -> days != want.retentionDays()).orElse(true);
        if (retentionDiffers && have.managedByUs()) {
            changes.add(new Change.PutRetention(want.name(), want.retentionDays()));
        } else if (retentionDiffers) {
            notes.add(new Note(have.arn(), "log group " + have.name() + " keeps its retention of "
                    + have.retentionDays().map(d -> d + " days").orElse("never expire")
                    + " because it is not managed by ecs-iam-guard (configured: " + want.retentionDays()
                    + " days)."));
        }
    }

    private void cluster(DesiredCluster want, ClusterState have, List<Change> changes, List<Note> notes) {
        if (!have.active()) {
            changes.add(new Change.CreateCluster(want));
            return;
        }
        List<String> missing = want.capacityProviders().stream()
                .filter(p -> !have.capacityProviders().contains(p)).toList();
        if (!missing.isEmpty() && !have.managedByUs()) {
            notes.add(new Note(have.arn(), "cluster " + have.name() + " lacks capacity provider(s) " + missing
                    + " and is not managed by ecs-iam-guard; add them with `aws ecs put-cluster-capacity-providers`"
                    + " (keeping its current providers)."));
        } else if (!missing.isEmpty()) {
            // INVARIANT: keep every provider the cluster already has; the call replaces the whole list.
            List<String> union = new ArrayList<>(have.capacityProviders());
            union.addAll(missing);
            changes.add(new Change.PutCapacityProviders(want.name(), union,
                    have.defaultStrategy().isEmpty() ? want.defaultStrategy() : have.defaultStrategy()));
        }
        if (want.containerInsights() && !have.containerInsights()) {
            if (have.managedByUs()) {
                changes.add(new Change.EnableContainerInsights(want.name()));
            } else {
                notes.add(new Note(have.arn(), "cluster " + have.name() + " has Container Insights disabled and is"
                        + " not managed by ecs-iam-guard; enable it with `aws ecs update-cluster-settings --cluster "
                        + have.name() + " --settings name=containerInsights,value=enabled`."));
            }
        }
    }

    private static Map<String, String> missingTags(Map<String, String> want, Map<String, String> have) {
        Map<String, String> missing = new TreeMap<>();
        want.forEach((k, v) -> {
            if (!v.equals(have.get(k))) {
                missing.put(k, v);
            }
        });
        return missing;
    }
}
