package dev.ecsiamguard.core;

import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Findings in the AWS Security Finding Format (ASFF) that {@code securityhub:BatchImportFindings} accepts, so a
 * revision's findings sit next to those of other tools. Ids are stable per rule, resource and message, so a
 * replayed event updates findings instead of duplicating them.
 */
public final class SecurityHubFormat {

    public static final String SCHEMA_VERSION = "2018-10-08";
    private static final int DESCRIPTION_LIMIT = 1024;
    private static final int REMEDIATION_LIMIT = 512;

    private SecurityHubFormat() {
    }

    /** The account's default product ARN, the one any account may import its own findings under. */
    public static String productArn(String partition, String region, String account) {
        return "arn:" + partition + ":securityhub:" + region + ":" + account + ":product/" + account + "/default";
    }

    /** Every finding, then one entry per rule that could not run, so Security Hub never shows only a pass. */
    public static List<Map<String, Object>> findings(Report report, String partition, String region, String account,
                                                     Instant now) {
        List<Map<String, Object>> all = new ArrayList<>();
        report.findings().forEach(f -> all.add(finding(f, partition, region, account, now)));
        report.errors().forEach(e -> all.add(error(e, partition, region, account, now)));
        return all;
    }

    /**
     * A rule that could not run: compliance NOT_AVAILABLE (the check's answer is unknown), at the rule's own
     * severity (high for a document that could not be read at all); stable id per rule and resource.
     */
    public static Map<String, Object> error(RuleError e, String partition, String region, String account,
                                            Instant now) {
        String time = now.toString();
        Severity severity = RuleCatalog.byId(e.ruleId()).map(RuleMetadata::severity).orElse(Severity.HIGH);
        return Json.object(
                "SchemaVersion", SCHEMA_VERSION,
                "Id", "ecs-iam-guard/" + e.ruleId() + "/" + e.resourceArn() + "/error",
                "ProductArn", productArn(partition, region, account),
                "GeneratorId", "ecs-iam-guard/" + e.ruleId(),
                "AwsAccountId", account,
                "Types", List.of("Software and Configuration Checks/AWS Security Best Practices"),
                "CreatedAt", time,
                "UpdatedAt", time,
                "Severity", Json.object("Label", severity.name()),
                "Title", "Rule " + e.ruleId() + " could not run",
                "Description", cut(e.message(), DESCRIPTION_LIMIT),
                "Remediation", Json.object("Recommendation", Json.object("Text", cut("The resource was not judged"
                        + " by this rule; fix the cause in the description and validate again.", REMEDIATION_LIMIT))),
                "Resources", List.of(Json.object("Type", resourceType(e.resourceArn()), "Id", e.resourceArn(),
                        "Partition", partition, "Region", region)),
                "Compliance", Json.object("Status", "NOT_AVAILABLE"),
                "RecordState", "ACTIVE",
                "ProductFields", Json.object("ecs-iam-guard/RuleId", e.ruleId(), "ecs-iam-guard/RuleError", "true"));
    }

    public static Map<String, Object> finding(Finding f, String partition, String region, String account,
                                              Instant now) {
        String time = now.toString();
        return Json.object(
                "SchemaVersion", SCHEMA_VERSION,
                "Id", "ecs-iam-guard/" + f.rule().id() + "/" + f.resourceArn() + "/"
                        + Integer.toHexString(f.message().hashCode()),
                "ProductArn", productArn(partition, region, account),
                "GeneratorId", "ecs-iam-guard/" + f.rule().id(),
                "AwsAccountId", account,
                "Types", List.of("Software and Configuration Checks/AWS Security Best Practices"),
                "CreatedAt", time,
                "UpdatedAt", time,
                "Severity", Json.object("Label", f.severity().name()),
                "Title", f.rule().title(),
                "Description", cut(f.message(), DESCRIPTION_LIMIT),
                "Remediation", Json.object("Recommendation", Json.object("Text", cut(f.fix(), REMEDIATION_LIMIT))),
                "Resources", List.of(Json.object("Type", resourceType(f.resourceArn()), "Id", f.resourceArn(),
                        "Partition", partition, "Region", region)),
                "Compliance", Json.object("Status", "FAILED"),
                "RecordState", "ACTIVE",
                "ProductFields", Json.object("ecs-iam-guard/RuleId", f.rule().id()));
    }

    static String resourceType(String arn) {
        if (arn.contains(":ecs:") && arn.contains(":task-definition/")) {
            return "AwsEcsTaskDefinition";
        }
        return arn.contains(":iam::") && arn.contains(":role/") ? "AwsIamRole" : "Other";
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }
}
