package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.SecurityHubFormat;
import dev.ecsiamguard.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Sends findings to Security Hub with {@code BatchImportFindings}, as one signed REST call per 100 findings. The
 * SDK's Security Hub module is not used: this one call does not justify its model classes in every cold start.
 */
public final class SecurityHubFindings {

    private static final int BATCH = 100;

    private final AwsSettings settings;
    private final SdkHttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public SecurityHubFindings(AwsSettings settings) {
        this(settings, UrlConnectionHttpClient.builder().build());
    }

    SecurityHubFindings(AwsSettings settings, SdkHttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** Imports every finding of the report; fails when Security Hub refuses any of them (the event is retried). */
    public void importFindings(Report report, String account, String region, Instant now) {
        String partition = settings.iamRegion().id().startsWith("aws-cn") ? "aws-cn"
                : settings.iamRegion().id().startsWith("aws-us-gov") ? "aws-us-gov" : "aws";
        List<Map<String, Object>> all = SecurityHubFormat.findings(report, partition, region, account, now);
        for (int from = 0; from < all.size(); from += BATCH) {
            String answer = post("/findings/import",
                    Json.write(Map.of("Findings", all.subList(from, Math.min(all.size(), from + BATCH)))));
            JsonNode failed = Json.parse(answer).field("FailedCount").orElse(null);
            if (failed != null && failed.isNumber() && Integer.parseInt(failed.asNumber()) > 0) {
                throw new IllegalStateException("Security Hub refused " + failed.asNumber() + " findings: " + answer);
            }
        }
    }

    /** One signed JSON call to the Security Hub REST API; the answer's body, or an exception unless HTTP 200. */
    String post(String path, String body) {
        URI base = settings.endpointFor("securityhub")
                .orElse(URI.create("https://securityhub." + settings.region().id() + ".amazonaws.com"));
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(base.resolve(path))
                .putHeader("Content-Type", "application/json").build();
        SignedRequest signed = signer.sign(r -> r.identity(settings.credentials().resolveCredentials())
                .request(request).payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "securityhub")
                .putProperty(AwsV4HttpSigner.REGION_NAME, settings.region().id()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String text = read(response);
            int status = response.httpResponse().statusCode();
            if (status != 200) {
                throw new IllegalStateException("Security Hub answered " + status + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Security Hub call failed", e);
        }
    }

    private static String read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return "";
        }
        try (InputStream in = response.responseBody().get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
