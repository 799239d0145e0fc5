package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SARIF view of rule metadata: levels, and the {@code security-severity} scores GitHub code scanning uses to
 * show critical/high/medium/low, kept in one place so results and rules agree.
 */
final class SarifRules {

    private SarifRules() {
    }

    /** SARIF {@code level}: error for critical and high, warning for medium, note below. */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFORMATIONAL -> "note";
        };
    }

    /** GitHub's numeric scale: above 9 critical, 7 to 8.9 high, 4 to 6.9 medium, 0.1 to 3.9 low. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFORMATIONAL -> "0.0";
        };
    }

    static Map<String, Object> descriptor(RuleMetadata rule) {
        return Json.object(
                "id", rule.id(),
                "name", pascalCase(rule.title()),
                "shortDescription", Json.object("text", rule.title()),
                "fullDescription", Json.object("text", rule.title() + ". " + rule.remediation()),
                "help", Json.object("text", rule.remediation(), "markdown", "**" + rule.id() + "**: "
                        + rule.remediation()),
                "defaultConfiguration", Json.object("level", level(rule.severity())),
                "properties", Json.object(
                        "security-severity", securitySeverity(rule.severity()),
                        "severity", rule.severity().name(),
                        "precision", "high",
                        "tags", List.of("security", "ecs", "iam")));
    }

    private static String pascalCase(String title) {
        StringBuilder name = new StringBuilder();
        for (String word : title.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return name.toString();
    }

    /** Descriptors in first-seen order; {@code ids} gives each result its {@code ruleIndex}. */
    static List<Map<String, Object>> descriptors(List<RuleMetadata> rules, List<String> ids) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RuleMetadata rule : rules) {
            if (!ids.contains(rule.id())) {
                ids.add(rule.id());
                out.add(descriptor(rule));
            }
        }
        return out;
    }
}
