package dev.ecsiamguard.core;

import dev.ecsiamguard.core.json.Json;
import java.time.Instant;
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

    public static List<Map<String, Object>> findings(Report report, String partition, String region, String account,
                                                     Instant now) {
        return report.findings().stream().map(f -> finding(f, partition, region, account, now)).toList();
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
