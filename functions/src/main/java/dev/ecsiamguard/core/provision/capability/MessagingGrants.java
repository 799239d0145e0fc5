package dev.ecsiamguard.core.provision.capability;

import static dev.ecsiamguard.core.provision.capability.Statements.allow;
import static dev.ecsiamguard.core.provision.capability.Statements.when;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** sqs, sns, ses and metrics: send, consume or publish on named queues, topics, identities or a namespace. */
final class MessagingGrants {

    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,75}(\\.fifo)?");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,251}(\\.fifo)?");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9_.-]+@" + DOMAIN.pattern());
    private static final Pattern IDENTITY = Pattern.compile(DOMAIN.pattern() + "|" + EMAIL.pattern());
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_.:/-]{1,255}");

    static final List<String> SQS_SEND = List.of("sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes");
    static final List<String> SQS_CONSUME = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:GetQueueAttributes");
    static final List<String> SES_SEND = List.of("ses:SendEmail", "ses:SendRawEmail");

    private MessagingGrants() {
    }

    static List<Map<String, Object>> sqs(CapabilityDeclaration d, CapabilityScope scope, String sid) {
        List<String> queues = ResourceNames.resolve(d, scope, "sqs", "", QUEUE, "an SQS queue",
                d.resource().orElseThrow());
        return List.of(allow(sid, d.effectiveAccess() == Access.SEND ? SQS_SEND : SQS_CONSUME, queues));
    }

    static List<Map<String, Object>> sns(CapabilityDeclaration d, CapabilityScope scope, String sid) {
        List<String> topics = ResourceNames.resolve(d, scope, "sns", "", TOPIC, "an SNS topic",
                d.resource().orElseThrow());
        return List.of(allow(sid, List.of("sns:Publish"), topics));
    }

    static List<Map<String, Object>> ses(CapabilityDeclaration d, CapabilityScope scope, String sid) {
        String identity = d.resource().orElseThrow();
        List<String> identities = ResourceNames.resolve(d, scope, "ses", "identity/", IDENTITY,
                "an SES identity (domain or email address)", identity);
        Map<String, Object> statement = allow(sid, SES_SEND, identities);
        d.qualifier().ifPresent(from -> {
            String bare = identity.substring(identity.lastIndexOf('/') + 1);
            boolean atIdentity = bare.contains("@") ? from.equals(bare) : from.endsWith("@" + bare);
            if (!EMAIL.matcher(from).matches() || !atIdentity) {
                throw ResourceNames.fail(d, "from-address `" + from + "` must be an email address of identity `"
                        + bare + "`");
            }
            when(statement, "StringEquals", "ses:FromAddress", List.of(from));
        });
        return List.of(statement);
    }

    // PutMetricData has no resource type: the namespace condition is what scopes it.
    static List<Map<String, Object>> metrics(CapabilityDeclaration d, String sid) {
        String namespace = d.resource().orElseThrow();
        if (!NAMESPACE.matcher(namespace).matches() || namespace.startsWith("AWS/")) {
            throw ResourceNames.fail(d, "`" + namespace + "` is not a CloudWatch namespace of your own "
                    + "(letters, digits, `_ . : / -`; `AWS/` is reserved)");
        }
        return List.of(when(allow(sid, List.of("cloudwatch:PutMetricData"), List.of("*")), "StringEquals",
                "cloudwatch:namespace", List.of(namespace)));
    }
}
