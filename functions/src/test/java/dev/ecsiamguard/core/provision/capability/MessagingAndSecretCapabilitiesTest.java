package dev.ecsiamguard.core.provision.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** sqs, sns, ses, metrics, secrets, ssm, kms, exec and xray, asked through the policy engine. */
class MessagingAndSecretCapabilitiesTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:payments-jobs";

    @Test
    void sqsSend_allowsSendingToTheQueueButNotConsumingOrOtherQueues() {
        CapabilityPolicies p = CapabilityPolicies.of("sqs.send=payments-jobs");

        assertThat(p.allows("sqs:SendMessage", QUEUE)).isTrue();
        assertThat(p.allows("sqs:ReceiveMessage", QUEUE)).isFalse();
        assertThat(p.allows("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:payments-jobs-dlq")).isFalse();
        assertThat(p.allows("sqs:SendMessage", "arn:aws:sqs:us-east-1:210987654321:payments-jobs")).isFalse();
        assertThat(p.allows("sqs:DeleteQueue", QUEUE)).isFalse();
    }

    @Test
    void sqsConsume_allowsReceiveAndDeleteMessageOnly() {
        CapabilityPolicies p = CapabilityPolicies.of("sqs.consume=" + QUEUE);

        assertThat(p.allows("sqs:ReceiveMessage", QUEUE)).isTrue();
        assertThat(p.allows("sqs:DeleteMessage", QUEUE)).isTrue();
        assertThat(p.allows("sqs:SendMessage", QUEUE)).isFalse();
        assertThat(p.allows("sqs:PurgeQueue", QUEUE)).isFalse();
    }

    @Test
    void sns_allowsPublishOnTheTopicOnly() {
        CapabilityPolicies p = CapabilityPolicies.of("sns=payments-events");

        assertThat(p.allows("sns:Publish", "arn:aws:sns:us-east-1:123456789012:payments-events")).isTrue();
        assertThat(p.allows("sns:Publish", "arn:aws:sns:us-east-1:123456789012:billing-events")).isFalse();
        assertThat(p.allows("sns:Subscribe", "arn:aws:sns:us-east-1:123456789012:payments-events")).isFalse();
    }

    @Test
    void ses_withFromAddress_allowsSendingOnlyFromIt() {
        CapabilityPolicies p = CapabilityPolicies.of("ses=example.com=noreply@example.com");
        String identity = "arn:aws:ses:us-east-1:123456789012:identity/example.com";

        assertThat(p.allows("ses:SendEmail", identity, Map.of("ses:FromAddress", "noreply@example.com"))).isTrue();
        assertThat(p.allows("ses:SendEmail", identity, Map.of("ses:FromAddress", "ceo@example.com"))).isFalse();
        assertThat(p.allows("ses:SendEmail", "arn:aws:ses:us-east-1:123456789012:identity/other.com",
                Map.of("ses:FromAddress", "noreply@example.com"))).isFalse();
    }

    @Test
    void metrics_allowsPutMetricDataInTheNamespaceOnly() {
        CapabilityPolicies p = CapabilityPolicies.of("metrics=PaymentsApi");

        assertThat(p.allows("cloudwatch:PutMetricData", "*", Map.of("cloudwatch:namespace", "PaymentsApi"))).isTrue();
        assertThat(p.allows("cloudwatch:PutMetricData", "*", Map.of("cloudwatch:namespace", "Billing"))).isFalse();
        assertThat(p.allows("cloudwatch:DeleteAlarms", "*")).isFalse();
    }

    @Test
    void secrets_allowsReadingUnderTheServicesOwnPrefixOnly() {
        CapabilityPolicies p = CapabilityPolicies.of("secrets=db/");
        String own = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/payments-api/db/password-AbCdEf";

        assertThat(p.allows("secretsmanager:GetSecretValue", own)).isTrue();
        assertThat(p.allows("secretsmanager:GetSecretValue",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/payments-api/api-key-AbCdEf")).isFalse();
        assertThat(p.allows("secretsmanager:GetSecretValue",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/billing/db/password-AbCdEf")).isFalse();
        assertThat(p.allows("secretsmanager:PutSecretValue", own)).isFalse();
    }

    @Test
    void ssm_allowsTheServicesPathAndParametersBelowItOnly() {
        CapabilityPolicies p = CapabilityPolicies.of("ssm");
        String arn = "arn:aws:ssm:us-east-1:123456789012:parameter/";

        assertThat(p.allows("ssm:GetParametersByPath", arn + "dev/payments-api")).isTrue();
        assertThat(p.allows("ssm:GetParameter", arn + "dev/payments-api/feature-flags")).isTrue();
        assertThat(p.allows("ssm:GetParameter", arn + "dev/payments-api-old/feature-flags")).isFalse();
        assertThat(p.allows("ssm:GetParameter", arn + "dev/billing/feature-flags")).isFalse();
        assertThat(p.allows("ssm:PutParameter", arn + "dev/payments-api/feature-flags")).isFalse();
    }

    @Test
    void kms_allowsDecryptOnTheKeyOnlyThroughTheDeclaredServices() {
        CapabilityPolicies p = CapabilityPolicies.of("s3=uploads-bucket", "kms=1234abcd-12ab-34cd-56ef-1234567890ab");
        String key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        String other = "arn:aws:kms:us-east-1:123456789012:key/ffffffff-12ab-34cd-56ef-1234567890ab";
        Map<String, String> viaS3 = Map.of("kms:ViaService", "s3.us-east-1.amazonaws.com");

        assertThat(p.allows("kms:Decrypt", key, viaS3)).isTrue();
        assertThat(p.allows("kms:Decrypt", key)).isFalse();
        assertThat(p.allows("kms:Decrypt", key, Map.of("kms:ViaService", "sqs.us-east-1.amazonaws.com"))).isFalse();
        assertThat(p.allows("kms:Decrypt", other, viaS3)).isFalse();
        assertThat(p.allows("kms:GenerateDataKey", key, viaS3)).isFalse();
    }

    @Test
    void kmsReadWrite_alsoGeneratesDataKeys() {
        CapabilityPolicies p = CapabilityPolicies.of("sqs.send=jobs",
                "kms.read-write=1234abcd-12ab-34cd-56ef-1234567890ab");

        assertThat(p.allows("kms:GenerateDataKey",
                "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                Map.of("kms:ViaService", "sqs.us-east-1.amazonaws.com"))).isTrue();
    }

    @Test
    void execAndXray_keepTheirStatementsOnEveryResource() {
        CapabilityPolicies p = CapabilityPolicies.of("exec", "xray");

        assertThat(p.allows("ssmmessages:OpenDataChannel", "*")).isTrue();
        assertThat(p.allows("xray:PutTraceSegments", "*")).isTrue();
        assertThat(p.allows("ssm:StartSession", "*")).isFalse();
    }
}
