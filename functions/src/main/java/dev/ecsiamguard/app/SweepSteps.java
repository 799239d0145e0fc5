package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.EventPublisher;
import dev.ecsiamguard.aws.ReportBucket;
import dev.ecsiamguard.cli.SweepSarif;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.sweep.AccountSection;
import dev.ecsiamguard.core.sweep.ItemOutcome;
import dev.ecsiamguard.core.sweep.OutcomeCodec;
import dev.ecsiamguard.core.sweep.SweepItem;
import dev.ecsiamguard.core.sweep.SweepReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The three steps of the sweep state machine. List: every account's items to {@code items.json} (the Distributed
 * Map's item reader) and each account's reachability to {@code accounts.json}. Batch: judge exactly the Map's
 * batch with {@link SweepJudge} and store the outcomes. Report: gather every batch (from the Map's result
 * writer), turn every item without an outcome into an error, write JSON and SARIF, publish the summary event.
 */
public final class SweepSteps {

    public static final String SUMMARY_DETAIL_TYPE = "Sweep Completed";

    private final SweepConfig config;
    private final SweepAccounts accounts;
    private final ReportBucket bucket;
    private final EventPublisher publisher;

    public SweepSteps(SweepConfig config, SweepAccounts accounts, ReportBucket bucket, EventPublisher publisher) {
        this.config = config;
        this.accounts = accounts;
        this.bucket = bucket;
        this.publisher = publisher;
    }

    public static String prefix(String scanId) {
        if (scanId == null || !scanId.matches("[A-Za-z0-9_-]{1,80}")) {
            throw new IllegalArgumentException("scan id `" + scanId + "` must be 1 to 80 letters, digits, - or _");
        }
        return "scans/" + scanId + "/";
    }

    public Map<String, Object> list(String scanId) {
        String prefix = prefix(scanId);
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> sections = new ArrayList<>();
        for (SweepAccounts.Target target : accounts.targets()) {
            try {
                List<SweepItem> listed = new SweepInventory(accounts.clientsFor(target.account()), target.account())
                        .list();
                listed.forEach(i -> items.add(i.toMap()));
                sections.add(Json.object("account", target.account(), "name", target.name(), "reachable", true,
                        "reason", "", "items", listed.size()));
            } catch (RuntimeException e) {
                sections.add(Json.object("account", target.account(), "name", target.name(), "reachable", false,
                        "reason", SweepErrors.describe(e), "items", 0));
            }
        }
        // Items first: the report trusts accounts.json only when it exists, so it never exists without its items.
        bucket.put(prefix + "items.json", Json.write(items), "application/json");
        bucket.put(prefix + "accounts.json", Json.write(sections), "application/json");
        return Json.object("scanId", scanId, "bucket", bucket.name(), "itemsKey", prefix + "items.json",
                "items", items.size(), "accounts", sections.size());
    }

    /** {@code input} is what the Map hands each child: {"Items": [...], "BatchInput": {"scanId": ...}}. */
    public Map<String, Object> judgeBatch(JsonNode input) {
        Map<String, JsonNode> fields = input.asObject();
        JsonNode batchInput = fields.get("BatchInput");
        if (batchInput == null || !batchInput.isObject() || !batchInput.asObject().containsKey("scanId")) {
            throw new IllegalArgumentException("a batch needs BatchInput.scanId");
        }
        String prefix = prefix(batchInput.asObject().get("scanId").asString());
        List<SweepItem> items = fields.get("Items").asArray().stream().map(SweepItem::fromJson).toList();
        List<ItemOutcome> outcomes = new SweepJudge(config, accounts::clientsFor).judge(items);
        // Named after its items: a retried or redriven batch overwrites its own result, never adds a second one.
        String key = prefix + "batches/" + digest(items) + ".json";
        bucket.put(key, OutcomeCodec.write(outcomes), "application/json");
        long judged = outcomes.stream().filter(ItemOutcome::isJudged).count();
        return Json.object("resultsKey", key, "judged", judged, "notJudged", outcomes.size() - judged);
    }

    /** {@code state} is the execution's state after the Map (or after a caught failure of an earlier step). */
    public Map<String, Object> report(String scanId, JsonNode state) {
        String prefix = prefix(scanId);
        Map<String, JsonNode> fields = state != null && state.isObject() ? state.asObject() : Map.of();
        String failure = fields.containsKey("failure") ? describe(fields.get("failure")) : "";
        MapResults results = new MapResults(bucket);
        if (fields.containsKey("map")) {
            results.read(fields.get("map"));
        }
        List<AccountSection> sections = new ArrayList<>();
        String accountsJson = bucket.get(prefix + "accounts.json").orElse(null);
        if (accountsJson == null) {
            sections.add(AccountSection.unreachable(accounts.ownAccount(), "", "the list step did not complete: "
                    + (failure.isEmpty() ? "no accounts.json" : failure)));
        } else {
            List<SweepItem> items = Json.parse(bucket.get(prefix + "items.json").orElse("[]")).asArray().stream()
                    .map(SweepItem::fromJson).toList();
            String missing = failure.isEmpty() ? "no batch reported a result for it" : "not judged: " + failure;
            for (JsonNode a : Json.parse(accountsJson).asArray()) {
                Map<String, JsonNode> f = a.asObject();
                String account = f.get("account").asString();
                if (!f.get("reachable").asBoolean()) {
                    sections.add(AccountSection.unreachable(account, f.get("name").asString(),
                            f.get("reason").asString()));
                    continue;
                }
                List<ItemOutcome> outcomes = items.stream().filter(i -> i.account().equals(account))
                        .map(i -> results.outcomeOf(i).orElseGet(() -> ItemOutcome.failed(i, missing))).toList();
                sections.add(new AccountSection(account, f.get("name").asString(), true, "", outcomes));
            }
        }
        SweepReport report = new SweepReport(scanId, config.threshold(), sections);
        bucket.put(prefix + "report.json", Json.write(report.toMap()), "application/json");
        bucket.put(prefix + "report.sarif", SweepSarif.render(report), "application/sarif+json");
        Map<String, Object> summary = report.summary();
        summary.put("report", bucket.uri(prefix + "report.json"));
        summary.put("sarif", bucket.uri(prefix + "report.sarif"));
        publisher.publish(SUMMARY_DETAIL_TYPE, Json.write(summary), null);
        return summary;
    }

    static String describe(JsonNode failure) {
        if (!failure.isObject()) {
            return bounded(String.valueOf(Json.scalarText(failure).orElse("unknown failure")));
        }
        Map<String, JsonNode> f = failure.asObject();
        String error = f.containsKey("Error") ? Json.scalarText(f.get("Error")).orElse("") : "";
        String cause = f.containsKey("Cause") ? Json.scalarText(f.get("Cause")).orElse("") : "";
        return bounded(error + (cause.isEmpty() ? "" : ": " + cause));
    }

    /** Error causes can be long stack traces; reports keep the start. */
    static String bounded(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }

    private static String digest(List<SweepItem> items) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            items.forEach(i -> sha.update((i.account() + "\u0000" + i.ref() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
