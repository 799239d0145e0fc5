package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.ecsiamguard.app.SweepAccounts;
import dev.ecsiamguard.app.SweepConfig;
import dev.ecsiamguard.app.SweepSteps;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.EventPublisher;
import dev.ecsiamguard.aws.ReportBucket;
import dev.ecsiamguard.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The sweep state machine's one function. Its input says the step: {"step": "list", "scanId"}, a Distributed Map
 * batch {"Items": [...], "BatchInput": {...}} exactly as the Map passes it, or {"step": "report", "scanId",
 * "state"}. Failures are thrown: the state machine's retries and catches decide what happens next.
 */
public final class SweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Map<String, String> env;
    private final AwsClients clients;
    private volatile SweepSteps steps;

    public SweepHandler() {
        this(System.getenv());
    }

    public SweepHandler(Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.clients = new AwsClients(AwsSettings.fromEnvironment(env), SweepAccounts.MAX_ATTEMPTS);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Objects.requireNonNull(input, "the sweep function needs an input");
        long before = clients.callCount();
        JsonNode node = Json.parse(Json.write(input));
        SweepSteps sweep = steps(context);
        Map<String, Object> result;
        String step;
        if (input.containsKey("Items")) {
            step = "batch";
            result = sweep.judgeBatch(node);
        } else {
            step = String.valueOf(input.get("step"));
            String scanId = String.valueOf(input.get("scanId"));
            result = switch (step) {
                case "list" -> sweep.list(scanId);
                case "report" -> sweep.report(scanId, node.asObject().get("state"));
                default -> throw new IllegalArgumentException("unknown sweep step `" + step
                        + "`: expected list, report or a Map batch with Items");
            };
        }
        Map<String, Object> line = new LinkedHashMap<>(result);
        line.put("step", step);
        line.put("awsCalls", clients.callCount() - before);
        LogLine.write(context, "INFO", "sweep", line);
        return result;
    }

    // The account is the function's own (its ARN), never a value from the input.
    private SweepSteps steps(Context context) {
        if (steps == null) {
            String arn = context == null ? null : context.getInvokedFunctionArn();
            String[] parts = arn == null ? new String[0] : arn.split(":");
            String account = parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : clients.accountId(env);
            SweepConfig config = SweepConfig.fromEnvironment(env);
            String bucket = env.getOrDefault("SWEEP_BUCKET", "");
            if (bucket.isBlank()) {
                throw new IllegalStateException("SWEEP_BUCKET is not set: the sweep has nowhere to write");
            }
            steps = new SweepSteps(config, new SweepAccounts(config, clients, account),
                    new ReportBucket(clients.s3(), bucket.strip()),
                    new EventPublisher(clients.eventBridge(), env.getOrDefault("EVENT_BUS_NAME", "ecs-iam-guard")));
        }
        return steps;
    }
}
