package dev.ecsiamguard.app;

import static dev.ecsiamguard.core.json.Json.object;

import dev.ecsiamguard.core.Bounded;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.ReportJson;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.provision.Note;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one GitHub OIDC invocation did: `provisioned`, `checked`, `skipped` (not a GitHub role) or `rejected`
 * (invalid input: nothing was read or written). Findings use the one report shape, {@link ReportJson}.
 */
public record GitHubOidcResult(String status, String action, String subject, List<String> changes, List<Note> notes,
                               Optional<Report> report, String error) {

    public static final Severity THRESHOLD = Severity.MEDIUM;

    public GitHubOidcResult {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    public static GitHubOidcResult rejected(String error) {
        return new GitHubOidcResult("rejected", "", "", List.of(), List.of(), Optional.empty(),
                Bounded.message(error));
    }

    public static GitHubOidcResult skipped(String action, String subject, String why) {
        return new GitHubOidcResult("skipped", action, subject, List.of(), List.of(), Optional.empty(), why);
    }

    public boolean hasFindings() {
        return report.map(r -> !r.findings().isEmpty() || !r.errors().isEmpty()).orElse(false);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", status);
        if (!error.isEmpty()) {
            map.put(status.equals("skipped") ? "reason" : "error", error);
        }
        if (!action.isEmpty()) {
            map.put("action", action);
            map.put("subject", subject);
        }
        if (status.equals("provisioned")) {
            map.put("changes", changes);
            map.put("notes", notes.stream().map(n -> object("resource", n.resource(), "message", n.message()))
                    .toList());
        }
        report.ifPresent(r -> map.put("report", ReportJson.toMap(r, THRESHOLD)));
        return map;
    }
}
