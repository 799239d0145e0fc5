package dev.ecsiamguard.app.rolechange;

import dev.ecsiamguard.app.ValidationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory ports for the role-change use cases: an index, ECS, IAM attachments, a judge and a bus. */
final class FakePorts implements RoleUsageIndex, EcsRevisions, PolicyAttachments, RevisionJudge, ResultPublisher,
        RoleChangeMarks {

    final Map<String, List<RoleUser>> index = new HashMap<>();
    final Set<String> handled = new HashSet<>();
    final Map<String, Revision> revisions = new HashMap<>();
    final Map<String, String> latestOfFamily = new HashMap<>();
    final Map<String, String> services = new LinkedHashMap<>();
    final Map<String, List<String>> attachments = new HashMap<>();
    final Map<String, List<String>> findings = new HashMap<>();
    final List<String> ecsCalls = new ArrayList<>();
    final List<String> judged = new ArrayList<>();
    final List<String> published = new ArrayList<>();
    final Map<String, String> markers = new LinkedHashMap<>();
    RuntimeException judgeFailure;

    Revision revision(String arn, String family, String status, String taskRole, String executionRole) {
        Revision r = new Revision(arn, family, status, taskRole, executionRole);
        revisions.put(arn, r);
        return r;
    }

    @Override
    public List<RoleUser> users(String roleName) {
        return index.getOrDefault(roleName.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    @Override
    public boolean record(String roleName, RoleUser user) {
        List<RoleUser> users = index.computeIfAbsent(roleName.toLowerCase(java.util.Locale.ROOT),
                r -> new ArrayList<>());
        boolean same = users.stream().anyMatch(u -> u.equals(user));
        if (!same) {
            users.removeIf(u -> u.kind() == user.kind() && u.key().equals(user.key()));
            users.add(user);
        }
        return !same;
    }

    @Override
    public List<String> changed(List<String> roleNames, String eventTime) {
        List<String> moved = new ArrayList<>();
        for (String role : roleNames) {
            String before = markers.get(role.toLowerCase(java.util.Locale.ROOT));
            if (before == null || before.compareTo(eventTime) < 0) {
                markers.put(role.toLowerCase(java.util.Locale.ROOT), eventTime);
                moved.add(role);
            }
        }
        return moved;
    }

    @Override
    public boolean handled(String eventId) {
        return handled.contains(eventId);
    }

    @Override
    public void markHandled(String eventId) {
        handled.add(eventId);
    }

    @Override
    public Optional<Revision> revision(String arnOrFamily) {
        ecsCalls.add("describe " + arnOrFamily);
        String arn = latestOfFamily.getOrDefault(arnOrFamily, arnOrFamily);
        return Optional.ofNullable(revisions.get(arn));
    }

    @Override
    public Map<String, String> currentRevisions(String cluster, List<String> names) {
        ecsCalls.add("services " + cluster + " " + names);
        Map<String, String> out = new LinkedHashMap<>();
        names.stream().filter(services::containsKey).forEach(n -> out.put(n, services.get(n)));
        return out;
    }

    @Override
    public List<String> rolesUsing(String policyArn) {
        return attachments.getOrDefault(policyArn, List.of());
    }

    @Override
    public ValidationResult judge(String taskDefinitionArn, String family, String account) {
        if (judgeFailure != null) {
            throw judgeFailure;
        }
        judged.add(taskDefinitionArn);
        if (!revisions.containsKey(taskDefinitionArn)) {
            return ValidationResult.gone(taskDefinitionArn, "audit");
        }
        List<String> ids = findings.getOrDefault(taskDefinitionArn, List.of());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("passed", ids.isEmpty());
        report.put("findings", ids.stream().map(id -> Map.of("ruleId", id)).toList());
        return new ValidationResult("ok", taskDefinitionArn, "audit", ids.isEmpty(), report, List.of(), "");
    }

    @Override
    public void publish(String detailJson, String resourceArn) {
        published.add(detailJson);
    }
}
