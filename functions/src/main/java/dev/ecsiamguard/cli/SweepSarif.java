package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.sweep.AccountSection;
import dev.ecsiamguard.core.sweep.ItemOutcome;
import dev.ecsiamguard.core.sweep.SweepReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A sweep as SARIF 2.1.0: the same rule descriptors and levels as `scripts/validate`, one result per finding
 * located by its resource ARN (a logical location: the estate has no files), and every account not reached,
 * item not judged and rule that could not run as an error notification. Used locally and by the report step.
 */
public final class SweepSarif {

    private SweepSarif() {
    }

    public static String render(SweepReport report) {
        List<RuleMetadata> rules = report.findings().stream().map(Finding::rule)
                .sorted(Comparator.comparing(RuleMetadata::id)).toList();
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> descriptors = SarifRules.descriptors(rules, ids);
        List<Map<String, Object>> results = new ArrayList<>();
        List<Map<String, Object>> notifications = new ArrayList<>();
        for (AccountSection section : report.sections()) {
            if (!section.reachable()) {
                notifications.add(notification("account " + section.account() + " was not swept: "
                        + section.reason(), "account-unreachable"));
            }
            for (ItemOutcome outcome : section.outcomes()) {
                if (outcome.report().isEmpty()) {
                    notifications.add(notification(outcome.item().ref() + " was not judged: " + outcome.error(),
                            "item-not-judged"));
                    continue;
                }
                for (Finding f : outcome.report().get().findings()) {
                    results.add(result(f, ids.indexOf(f.rule().id()), section.account()));
                }
                for (RuleError e : outcome.report().get().errors()) {
                    notifications.add(notification(e.ruleId() + " could not run on " + e.resourceArn() + ": "
                            + e.message(), "rule-error"));
                }
            }
        }
        Map<String, Object> run = Json.object(
                "tool", Json.object("driver", Json.object("name", GuardCli.TOOL, "rules", descriptors)),
                "invocations", List.of(Json.object("executionSuccessful", true,
                        "exitCode", report.passed() ? ValidationRun.PASSED : ValidationRun.FAILED,
                        "toolExecutionNotifications", notifications)),
                "properties", report.summary(),
                "results", results);
        return Json.write(Json.object("$schema", SarifFormatter.SCHEMA, "version", "2.1.0", "runs", List.of(run)))
                + "\n";
    }

    private static Map<String, Object> result(Finding f, int ruleIndex, String account) {
        return Json.object(
                "ruleId", f.rule().id(),
                "ruleIndex", ruleIndex,
                "level", SarifRules.level(f.severity()),
                "message", Json.object("text", f.message() + " Fix: " + f.fix()),
                "locations", List.of(Json.object("logicalLocations", List.of(Json.object(
                        "fullyQualifiedName", f.resourceArn(), "kind", "resource")))),
                "partialFingerprints", Json.object(SarifFormatter.FINGERPRINT, SarifFormatter.fingerprint(f)),
                "properties", Json.object("severity", f.severity().name(),
                        "security-severity", SarifRules.securitySeverity(f.severity()),
                        "resourceArn", f.resourceArn(), "account", account, "fix", f.fix()));
    }

    private static Map<String, Object> notification(String text, String id) {
        return Json.object("level", "error", "message", Json.object("text", text),
                "descriptor", Json.object("id", id));
    }
}
