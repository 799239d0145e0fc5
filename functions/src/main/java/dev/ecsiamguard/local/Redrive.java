package dev.ecsiamguard.local;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.core.Bounded;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * `scripts/redrive`: replays the events in the dead-letter queue through the same handlers, in this process, with
 * each function's environment from `template.yaml` (like `scripts/invoke`), against the account the credentials
 * (or `AWS_ENDPOINT_URL`) point at. A message is deleted once its handler answered (`ok`, or `rejected`, which no
 * retry can fix); one whose handler failed again, or that no function of the template matches, stays in the queue.
 *
 * <p>Usage: `Redrive <queue-url> [--template F] [--parameter K=V]... [--max N] [--dry-run]`.
 */
public final class Redrive {

    /** What happened to the messages of one run. */
    public record Summary(int redriven, int failed, int unmatched) {
        public boolean complete() {
            return failed == 0 && unmatched == 0;
        }
    }

    private final SamTemplate template;
    private final Map<String, String> env;
    private final SqsClient sqs;
    private final String account;
    private final PrintStream out;

    public Redrive(SamTemplate template, Map<String, String> env, SqsClient sqs, String account, PrintStream out) {
        this.template = template;
        this.env = env;
        this.sqs = sqs;
        this.account = account;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].startsWith("--")) {
            System.err.println("usage: redrive <dead-letter-queue-url> [--template template.yaml]"
                    + " [--parameter Name=Value]... [--max N] [--dry-run]");
            System.exit(2);
        }
        Path templateFile = Path.of("template.yaml");
        Map<String, String> parameters = new LinkedHashMap<>();
        int max = Integer.MAX_VALUE;
        boolean dryRun = false;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--template" -> templateFile = Path.of(value);
                case "--parameter" -> parameters.put(value.substring(0, Math.max(0, value.indexOf('='))),
                        value.substring(value.indexOf('=') + 1));
                case "--max" -> max = Integer.parseInt(value);
                case "--dry-run" -> {
                    dryRun = true;
                    continue;
                }
                default -> throw new IllegalArgumentException("unknown option `" + args[i] + "`");
            }
            i++;
        }
        Map<String, String> env = System.getenv();
        AwsSettings settings = AwsSettings.fromEnvironment(env);
        AwsClients clients = new AwsClients(settings);
        SqsClient sqs = sqsClient(settings);
        SamTemplate template = SamTemplate.load(templateFile, parameters, settings.region().id());
        Redrive redrive = new Redrive(template, env, sqs, clients.accountId(env), System.out);
        Summary summary = redrive.run(args[0], max, dryRun);
        System.exit(summary.complete() ? 0 : 1);
    }

    public static SqsClient sqsClient(AwsSettings settings) {
        var builder = SqsClient.builder().region(settings.region()).credentialsProvider(settings.credentials());
        String specific = System.getenv("AWS_ENDPOINT_URL_SQS");
        if (specific != null && !specific.isBlank()) {
            builder.endpointOverride(java.net.URI.create(specific.trim()));
        } else {
            settings.endpointFor("sqs").ifPresent(builder::endpointOverride);
        }
        return builder.build();
    }

    /** Replays up to {@code max} messages; with {@code dryRun}, only says where each would go. */
    public Summary run(String queueUrl, int max, boolean dryRun) throws Exception {
        int redriven = 0;
        int failed = 0;
        int unmatched = 0;
        int seen = 0;
        while (seen < max) {
            int batch = Math.min(10, max - seen);
            // Messages handled in this run stay invisible for its duration, so none is seen twice.
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batch)
                    .waitTimeSeconds(0).visibilityTimeout(dryRun ? 1 : 900)).messages();
            if (messages.isEmpty()) {
                break;
            }
            for (Message message : messages) {
                seen++;
                String functionId = route(message.body());
                if (functionId == null) {
                    unmatched++;
                    out.println(message.messageId() + ": no function of the template matches this event; kept");
                    continue;
                }
                if (dryRun) {
                    out.println(message.messageId() + " -> " + functionId + " (dry run)");
                    continue;
                }
                String outcome = replay(functionId, message.body());
                if (outcome.startsWith("failed")) {
                    failed++;
                    out.println(message.messageId() + " -> " + functionId + ": " + outcome + "; kept");
                } else {
                    redriven++;
                    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                    out.println(message.messageId() + " -> " + functionId + ": " + outcome + "; deleted");
                }
            }
        }
        out.println("redriven " + redriven + ", failed again " + failed + ", unmatched " + unmatched);
        return new Summary(redriven, failed, unmatched);
    }

    // The function whose EventBridge rule matches the event, exactly as the template routes it.
    private String route(String body) {
        try {
            JsonNode.parser().parse(body);
        } catch (RuntimeException e) {
            return null;
        }
        return EventRoutes.of(template).functionsFor(body).stream().findFirst().orElse(null);
    }

    private String replay(String functionId, String body) {
        SamTemplate.Function function = template.function(functionId);
        Map<String, String> functionEnv = LocalInvoker.environment(function, env, Map.of());
        String region = functionEnv.getOrDefault("AWS_REGION", "us-east-1");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LocalContext context = new LocalContext(LocalContext.functionArn(account, region, functionId), functionId,
                function.timeoutSeconds(), function.memoryMb(), new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            JsonNode result = JsonNode.parser().parse(LocalInvoker.invokeInProcess(function, functionEnv, body,
                    context));
            JsonNode status = result.isObject() ? result.asObject().get("status") : null;
            String text = status == null || !status.isString() ? "answered" : status.asString();
            JsonNode error = result.isObject() ? result.asObject().get("error") : null;
            return error != null && error.isString() ? text + " (" + Bounded.value(error.asString()) + ")" : text;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null && e instanceof java.lang.reflect.InvocationTargetException
                    ? e.getCause() : e;
            return "failed: " + Bounded.message(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }
}
