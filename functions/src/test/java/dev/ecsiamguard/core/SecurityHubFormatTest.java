package dev.ecsiamguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHubFormatTest {

    private static final RuleMetadata RULE = new RuleMetadata("EXEC-SECRETS-SM", Severity.HIGH,
            "Execution role can read the Secrets Manager secrets the task injects", "Allow it.");
    private static final String TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void finding_whenTaskDefinitionFinding_mapsRequiredAsffFields() {
        Finding f = Finding.of(RULE, TD, "Execution role x cannot read y.").withFix("{\"Effect\":\"Allow\"}");

        Map<String, Object> asff = SecurityHubFormat.finding(f, "aws", "us-east-1", "123456789012", NOW);

        assertThat(asff).containsEntry("SchemaVersion", "2018-10-08")
                .containsEntry("ProductArn", "arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default")
                .containsEntry("AwsAccountId", "123456789012")
                .containsEntry("GeneratorId", "ecs-iam-guard/EXEC-SECRETS-SM")
                .containsEntry("CreatedAt", "2026-11-25T10:00:00Z")
                .containsEntry("Title", RULE.title())
                .containsEntry("Description", "Execution role x cannot read y.")
                .containsEntry("Severity", Map.of("Label", "HIGH"));
        assertThat(asff.get("Resources")).isEqualTo(List.of(Map.of("Type", "AwsEcsTaskDefinition", "Id", TD,
                "Partition", "aws", "Region", "us-east-1")));
        assertThat(asff.get("Remediation").toString()).contains("{\"Effect\":\"Allow\"}");
        assertThat((String) asff.get("Id")).startsWith("ecs-iam-guard/EXEC-SECRETS-SM/" + TD + "/");
    }

    @Test
    void finding_whenSameFindingTwice_keepsTheSameIdAndRoleType() {
        Finding f = Finding.of(RULE, "arn:aws:iam::123456789012:role/web-task", "m.");

        Map<String, Object> first = SecurityHubFormat.finding(f, "aws", "us-east-1", "123456789012", NOW);
        Map<String, Object> again = SecurityHubFormat.finding(f, "aws", "us-east-1", "123456789012",
                NOW.plusSeconds(60));

        assertThat(first.get("Id")).isEqualTo(again.get("Id"));
        assertThat(first.get("Resources").toString()).contains("AwsIamRole");
    }

    @Test
    void finding_whenMessageHuge_descriptionStaysWithinAsffLimit() {
        // The finding bounds its own message (with a marker); the ASFF cut is the last line of defence.
        Finding f = Finding.of(RULE, TD, "x".repeat(2000));

        assertThat((String) SecurityHubFormat.finding(f, "aws", "us-east-1", "123456789012", NOW).get("Description"))
                .hasSizeLessThanOrEqualTo(1024).endsWith("more characters]");
    }
}
