package dev.ecsiamguard.app;

import dev.ecsiamguard.api.ApiException;
import dev.ecsiamguard.api.ApiResponse;
import dev.ecsiamguard.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * `POST /scans` starts the sweep state machine (the execution's name is the scan id); `GET /scans/{id}` answers
 * its status and, once it succeeded, the report's summary and where the JSON and SARIF reports are.
 */
public final class ScanRequests {

    // Built on the first scan request: the API's other routes never pay for a Step Functions client.
    private final Supplier<SfnClient> sfn;
    private final Optional<String> stateMachineArn;
    private final String bucket;

    public ScanRequests(Supplier<SfnClient> sfn, Optional<String> stateMachineArn, String bucket) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn.filter(a -> a.startsWith("arn:") && a.contains(":stateMachine:"));
        this.bucket = bucket;
    }

    public static ScanRequests fromEnvironment(Map<String, String> env, Supplier<SfnClient> sfn) {
        return new ScanRequests(sfn, Optional.ofNullable(env.get("STATE_MACHINE_ARN")).map(String::strip),
                env.getOrDefault("SWEEP_BUCKET", "").strip());
    }

    public ApiResponse start() {
        String machine = machine();
        String scanId = UUID.randomUUID().toString();
        String executionArn = sfn.get().startExecution(r -> r.stateMachineArn(machine).name(scanId).input("{}"))
                .executionArn();
        return new ApiResponse(202, Json.object("scanId", scanId, "executionArn", executionArn,
                "status", "RUNNING", "location", "/scans/" + scanId));
    }

    public ApiResponse describe(String scanId) {
        String machine = machine();
        if (scanId == null || !scanId.matches("[A-Za-z0-9_-]{1,80}")) {
            throw ApiException.invalid("id", "a scan id is 1 to 80 letters, digits, - or _");
        }
        String executionArn = machine.replace(":stateMachine:", ":execution:") + ":" + scanId;
        DescribeExecutionResponse execution;
        try {
            execution = sfn.get().describeExecution(r -> r.executionArn(executionArn));
        } catch (ExecutionDoesNotExistException e) {
            throw ApiException.notFound("scan_not_found", "no scan `" + scanId + "`");
        }
        Map<String, Object> body = Json.object("scanId", scanId, "executionArn", executionArn,
                "status", execution.statusAsString(), "startDate", String.valueOf(execution.startDate()),
                "stopDate", execution.stopDate() == null ? null : execution.stopDate().toString());
        String prefix = "s3://" + bucket + "/scans/" + scanId + "/";
        body.put("report", Json.object("json", prefix + "report.json", "sarif", prefix + "report.sarif",
                "ready", "SUCCEEDED".equals(execution.statusAsString())));
        if ("SUCCEEDED".equals(execution.statusAsString()) && execution.output() != null) {
            try {
                body.put("summary", plain(Json.parse(execution.output())));
            } catch (RuntimeException notJson) {
                body.put("summary", null);
            }
        }
        return ApiResponse.ok(body);
    }

    /** A JSON value as the plain maps, lists and scalars {@link Json#write} takes. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.asObject().forEach((k, v) -> map.put(k, plain(v)));
            return map;
        }
        if (node.isArray()) {
            return node.asArray().stream().map(ScanRequests::plain).toList();
        }
        if (node.isNumber()) {
            String n = node.asNumber();
            return n.matches("-?\\d{1,18}") ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
        }
        return node.isBoolean() ? (Object) node.asBoolean() : node.isNull() ? null : node.asString();
    }

    private String machine() {
        return stateMachineArn.orElseThrow(() -> ApiException.notImplemented(
                "the sweep state machine is not configured (STATE_MACHINE_ARN)"));
    }
}
