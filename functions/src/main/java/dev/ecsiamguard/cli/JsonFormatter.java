package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.ReportJson;
import dev.ecsiamguard.core.json.Json;
import java.util.Map;

/**
 * The JSON output: one envelope whatever the number of files, each checked file carrying the report in exactly
 * the shape of {@link ReportJson}, so pipelines parse the same findings the events and the API publish.
 */
final class JsonFormatter implements RunFormatter {

    @Override
    public String render(ValidationRun run) {
        OpenedRoles roles = run.roles();
        Map<String, Object> root = Json.object(
                "tool", GuardCli.TOOL,
                "command", run.command(),
                "roles", Json.object("source", roles.source(), "checked", roles.checked(), "note", roles.note()),
                "threshold", run.threshold().name(),
                "passed", run.passed(),
                "exitCode", run.exitCode(),
                "files", run.results().stream().map(r -> file(r, run)).toList());
        return Json.write(root) + "\n";
    }

    private static Map<String, Object> file(FileResult result, ValidationRun run) {
        if (result instanceof FileResult.Checked c) {
            if (c.subject().isTaskDefinition()) {
                return Json.object("file", c.file(), "taskDefinition", c.subject().name(),
                        "report", ReportJson.toMap(c.report(), run.threshold()));
            }
            Map<String, Object> out = Json.object("file", c.file(), "kind", c.subject().kind(), "role",
                    c.subject().name(), "note", c.subject().note());
            if (!c.subject().policyKind().isEmpty()) {
                out.put("policyKind", c.subject().policyKind());
                out.put("policyKindInferred", c.subject().kindInferred());
            }
            out.put("report", ReportJson.toMap(c.report(), run.threshold()));
            return out;
        }
        return Json.object("file", result.file(), "error", ((FileResult.Failed) result).message());
    }
}
