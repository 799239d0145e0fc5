package dev.ecsiamguard.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.aws.ReportBucket;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.handler.SweepHandler;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.LocalRuntime;
import dev.ecsiamguard.testing.LargeAccount;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The sweep function through the Lambda runtime's own serialization, step by step as the state machine calls it:
 * list, then each batch with exactly the input the Distributed Map passes ({"Items", "BatchInput"}), then the
 * report over what the Map's result writer leaves in S3 — including a batch that failed and one that never ran.
 */
class SweepHandlerMotoTest {

    private static final MotoServer MOTO = MotoServer.get();
    private static final String BUCKET = "sweep-reports";

    private static LocalAws aws;
    private static SweepHandler handler;
    private static ReportBucket bucket;

    @BeforeAll
    static void account() {
        MOTO.reset();
        aws = new LocalAws(MOTO);
        aws.deployApplicationBus();
        aws.clients().s3().createBucket(r -> r.bucket(BUCKET));
        LargeAccount.generate(MOTO, "--families", "30", "--revisions", "2", "--roles", "22", "--services", "4",
                "--clusters", "2");
        Map<String, String> env = LargeAccount.sweepEnvironment(MOTO);
        env.put("SWEEP_BUCKET", BUCKET);
        handler = new SweepHandler(env);
        bucket = new ReportBucket(aws.clients().s3(), BUCKET);
    }

    @Test
    void listBatchesAndReport_everyListedItemEndsJudgedOrInTheErrors() throws Exception {
        JsonNode listed = invoke("{\"step\":\"list\",\"scanId\":\"scan-1\"}");
        assertThat(listed.asObject().get("itemsKey").asString()).isEqualTo("scans/scan-1/items.json");
        List<JsonNode> items = Json.parse(bucket.get("scans/scan-1/items.json").orElseThrow()).asArray();
        assertThat(items).hasSize(Integer.parseInt(listed.asObject().get("items").asNumber()));
        assertThat(items.size()).isGreaterThan(50);

        // The Map's batches (20 here, to have several), each exactly as {"Items": [...], "BatchInput": {...}}.
        List<Map<String, Object>> children = new ArrayList<>();
        List<List<JsonNode>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 20) {
            batches.add(items.subList(i, Math.min(items.size(), i + 20)));
        }
        for (int b = 0; b < batches.size() - 1; b++) {
            String input = batchInput(batches.get(b));
            String output = LocalRuntime.invoke(handler, input, context());
            assertThat(Json.parse(output).asObject().get("notJudged").asNumber()).isEqualTo("0");
            children.add(Json.object("Status", "SUCCEEDED", "Input", input, "Output", output));
        }
        // The last batch failed after its retries and was caught: its output is the batch plus the failure.
        String failedInput = batchInput(batches.get(batches.size() - 1));
        String caught = failedInput.substring(0, failedInput.length() - 1)
                + ",\"failure\":{\"Error\":\"Lambda.TooManyRequestsException\",\"Cause\":\"Rate exceeded\"}}";
        children.add(Json.object("Status", "SUCCEEDED", "Input", failedInput, "Output", caught));
        // ...and the first batch's child vanished from the results altogether (never happens; must still show).
        children.remove(0);
        bucket.put("scans/scan-1/map/run/SUCCEEDED_0.json", Json.write(children), "application/json");
        bucket.put("scans/scan-1/map/run/manifest.json", Json.write(Json.object("DestinationBucket", BUCKET,
                "ResultFiles", Json.object("FAILED", List.of(), "PENDING", List.of(), "SUCCEEDED",
                        List.of(Json.object("Key", "scans/scan-1/map/run/SUCCEEDED_0.json", "Size", 1))))),
                "application/json");

        JsonNode summary = invoke("{\"step\":\"report\",\"scanId\":\"scan-1\",\"state\":{\"bucket\":\"" + BUCKET
                + "\",\"itemsKey\":\"scans/scan-1/items.json\",\"map\":{\"MapRunArn\":\"arn:aws:states:us-east-1:"
                + "123456789012:mapRun:x\",\"ResultWriterDetails\":{\"Bucket\":\"" + BUCKET
                + "\",\"Key\":\"scans/scan-1/map/run/manifest.json\"}}}}");

        int first = batches.get(0).size();
        int last = batches.get(batches.size() - 1).size();
        Map<String, JsonNode> s = summary.asObject();
        assertThat(s.get("items").asNumber()).isEqualTo(String.valueOf(items.size()));
        assertThat(s.get("notJudged").asNumber()).isEqualTo(String.valueOf(first + last));
        assertThat(s.get("verdict").asString()).isEqualTo("fail");
        assertThat(s.get("sarif").asString()).isEqualTo("s3://" + BUCKET + "/scans/scan-1/report.sarif");
        Map<String, JsonNode> section = Json.parse(bucket.get("scans/scan-1/report.json").orElseThrow()).asObject()
                .get("sections").asArray().get(0).asObject();
        List<JsonNode> errors = section.get("errors").asArray();
        assertThat(errors).hasSize(first + last);
        assertThat(errors).filteredOn(e -> e.asObject().get("error").asString()
                .equals("batch failed after retries: Lambda.TooManyRequestsException: Rate exceeded")).hasSize(last);
        assertThat(errors).filteredOn(e -> e.asObject().get("error").asString()
                .equals("no batch reported a result for it")).hasSize(first);
        assertThat(section.get("results").asArray()).hasSize(items.size() - first - last);
        assertThat(bucket.get("scans/scan-1/report.sarif").orElseThrow()).contains("\"version\":\"2.1.0\"")
                .contains("item-not-judged");
        assertThat(aws.publishedEvents()).filteredOn(e -> e.contains("\"scan-1\"")).singleElement().asString()
                .contains("Sweep Completed").contains("\"verdict\": \"fail\"");
    }

    @Test
    void batch_replayed_writesTheSameObjectAgain() throws Exception {
        invoke("{\"step\":\"list\",\"scanId\":\"scan-2\"}");
        List<JsonNode> items = Json.parse(bucket.get("scans/scan-2/items.json").orElseThrow()).asArray();
        String input = batchInput(items.subList(0, 5)).replace("scan-1", "scan-2");

        JsonNode first = Json.parse(LocalRuntime.invoke(handler, input, context()));
        JsonNode again = Json.parse(LocalRuntime.invoke(handler, input, context()));

        assertThat(again.asObject().get("resultsKey")).isEqualTo(first.asObject().get("resultsKey"));
        assertThat(aws.clients().s3().listObjectsV2(r -> r.bucket(BUCKET).prefix("scans/scan-2/batches/"))
                .contents()).hasSize(1);
    }

    @Test
    void badInput_isRefusedBeforeAnyWrite() {
        assertThatThrownBy(() -> invoke("{\"step\":\"list\",\"scanId\":\"../../etc\"}"))
                .hasMessageContaining("scan id");
        assertThatThrownBy(() -> invoke("{\"step\":\"sweep-all\",\"scanId\":\"x\"}"))
                .hasMessageContaining("unknown sweep step");
        assertThatThrownBy(() -> invoke("{\"Items\":[{\"kind\":\"ROCKET\",\"ref\":\"x\",\"account\":\"1\"}],"
                + "\"BatchInput\":{\"scanId\":\"x\"}}")).hasMessageContaining("unknown sweep item kind");
        assertThat(aws.clients().s3().listObjectsV2(r -> r.bucket(BUCKET).prefix("scans/x/")).contents()).isEmpty();
    }

    private static String batchInput(List<JsonNode> items) {
        StringBuilder b = new StringBuilder("{\"Items\":[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ",").append(Json.write(plain(items.get(i))));
        }
        return b.append("],\"BatchInput\":{\"scanId\":\"scan-1\"}}").toString();
    }

    private static Map<String, Object> plain(JsonNode item) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        item.asObject().forEach((k, v) -> map.put(k, v.asString()));
        return map;
    }

    private JsonNode invoke(String json) throws Exception {
        return Json.parse(LocalRuntime.invoke(handler, json, context()));
    }

    private static LocalContext context() {
        return new LocalContext("SweepFunction", 900, 1024, System.err);
    }
}
