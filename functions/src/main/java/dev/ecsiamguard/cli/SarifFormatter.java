package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code scanning in CI: one run, the rules that produced findings, one result per finding located
 * in the input file, and the role source and unusable inputs as run properties and tool notifications.
 */
final class SarifFormatter implements RunFormatter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "ecsIamGuardFinding/v1";

    @Override
    public String render(ValidationRun run) {
        List<RuleMetadata> rules = run.results().stream()
                .filter(FileResult.Checked.class::isInstance).map(FileResult.Checked.class::cast)
                .flatMap(c -> c.report().findings().stream()).map(Finding::rule)
                .sorted(Comparator.comparing(RuleMetadata::id)).toList();
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> descriptors = SarifRules.descriptors(rules, ids);
        List<Map<String, Object>> results = new ArrayList<>();
        List<Map<String, Object>> notifications = new ArrayList<>();
        notifications.add(notification(run.roles().checked() ? "note" : "warning", run.roles().note(),
                run.roles().checked() ? "roles-checked" : "roles-skipped", null));
        for (FileResult result : run.results()) {
            if (result instanceof FileResult.Checked c) {
                if (!c.subject().policyKind().isEmpty()) {
                    // Which rules judged a bare policy depends on its kind: say it, and whether it was inferred.
                    notifications.add(notification("note", c.file() + ": " + c.subject().note(), "policy-kind",
                            c.file()));
                }
                c.report().findings().forEach(f -> results.add(result(f, c, ids.indexOf(f.rule().id()))));
                for (RuleError e : c.report().errors()) {
                    notifications.add(notification("error", e.ruleId() + " could not run on " + e.resourceArn()
                            + ": " + e.message(), "rule-error", c.file()));
                }
            } else {
                notifications.add(notification("error", result.file() + ": " + ((FileResult.Failed) result)
                        .message(), "unusable-input", result.file()));
            }
        }
        Map<String, Object> sarifRun = Json.object(
                "tool", Json.object("driver", Json.object("name", GuardCli.TOOL, "rules", descriptors)),
                "invocations", List.of(Json.object(
                        "executionSuccessful", run.exitCode() != ValidationRun.UNUSABLE,
                        "exitCode", run.exitCode(),
                        "toolExecutionNotifications", notifications)),
                "properties", Json.object(
                        "rolesSource", run.roles().source(),
                        "roleChecks", run.roles().checked() ? "performed" : "skipped",
                        "rolesNote", run.roles().note(),
                        "threshold", run.threshold().name()),
                "results", results);
        return Json.write(Json.object("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(sarifRun))) + "\n";
    }

    private static Map<String, Object> result(Finding f, FileResult.Checked c, int ruleIndex) {
        return Json.object(
                "ruleId", f.rule().id(),
                "ruleIndex", ruleIndex,
                "level", SarifRules.level(f.severity()),
                "message", Json.object("text", f.message() + " Fix: " + f.fix()),
                "locations", List.of(location(c.file(), SourceLines.lineOf(c.text(), f.message(), c.subject().name()))),
                "partialFingerprints", Json.object(FINGERPRINT, fingerprint(f)),
                "properties", Json.object(
                        "severity", f.severity().name(),
                        "security-severity", SarifRules.securitySeverity(f.severity()),
                        "resourceArn", f.resourceArn(),
                        c.subject().isTaskDefinition() ? "taskDefinition" : "role", c.subject().name(),
                        "fix", f.fix()));
    }

    /** A relative path stays a relative URI (what code scanning resolves against the checkout). */
    private static Map<String, Object> location(String file, int line) {
        Path path = Path.of(file);
        String uri = path.isAbsolute() ? path.toUri().toString() : file.replace(" ", "%20");
        return Json.object("physicalLocation", Json.object(
                "artifactLocation", Json.object("uri", uri),
                "region", Json.object("startLine", line)));
    }

    private static Map<String, Object> notification(String level, String text, String id, String file) {
        Map<String, Object> n = Json.object("level", level, "message", Json.object("text", text),
                "descriptor", Json.object("id", id));
        if (file != null) {
            n.put("locations", List.of(location(file, 1)));
        }
        return n;
    }

    /** Stable across runs and line moves: the rule, the resource and the message, never a line number. */
    static String fingerprint(Finding f) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((f.rule().id() + "\u0000" + f.resourceArn() + "\u0000" + f.message())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
