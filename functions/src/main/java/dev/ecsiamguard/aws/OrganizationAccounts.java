package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The organization's accounts (Organizations `ListAccounts`, JSON 1.1 protocol, SigV4-signed with the SDK's own
 * signer). The SDK's Organizations module is not in this build's Maven mirror, and this one paginated read is all
 * the sweep needs of that API. Throttling is retried with {@link Backoff}, as the SDK would.
 */
public final class OrganizationAccounts {

    /** One member account as Organizations lists it. */
    public record Account(String id, String name, String status) {
    }

    private final AwsClients clients;
    private final Backoff backoff;

    public OrganizationAccounts(AwsClients clients) {
        this(clients, new Backoff(8, 500, 20_000, Thread::sleep));
    }

    OrganizationAccounts(AwsClients clients, Backoff backoff) {
        this.clients = clients;
        this.backoff = backoff;
    }

    /** Every account of the organization, whatever its status (the caller skips the ones not ACTIVE). */
    public List<Account> list() {
        List<Account> accounts = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            Map<String, JsonNode> page = backoff.run(() -> call(token == null ? "{}"
                    : Json.write(Json.object("NextToken", token))), e -> e instanceof Throttled);
            for (JsonNode a : page.get("Accounts").asArray()) {
                Map<String, JsonNode> f = a.asObject();
                accounts.add(new Account(f.get("Id").asString(), text(f, "Name"), text(f, "Status")));
            }
            JsonNode nextToken = page.get("NextToken");
            next = nextToken != null && nextToken.isString() ? nextToken.asString() : null;
        } while (next != null);
        return accounts;
    }

    /** A throttled call, retried by the backoff. */
    static final class Throttled extends RuntimeException {
        Throttled(String message) {
            super(message);
        }
    }

    private Map<String, JsonNode> call(String body) {
        AwsSettings settings = clients.settings();
        // Organizations is a global service, signed for us-east-1 in the commercial partition.
        URI endpoint = settings.endpointFor("organizations")
                .orElse(URI.create("https://organizations.us-east-1.amazonaws.com"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AWSOrganizationsV20161128.ListAccounts").build();
        AwsCredentialsIdentity identity = settings.credentials().resolveCredentials();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "organizations")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        try {
            HttpExecuteResponse response = clients.http().prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String text;
            if (response.responseBody().isEmpty()) {
                text = "";
            } else {
                try (InputStream in = response.responseBody().get()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            int status = response.httpResponse().statusCode();
            if (status == 200) {
                return Json.parse(text).asObject();
            }
            String type = errorType(text);
            if (status == 429 || type.contains("TooManyRequests") || type.contains("Throttling")) {
                throw new Throttled("Organizations ListAccounts throttled: " + type);
            }
            throw new IllegalStateException("Organizations ListAccounts failed (HTTP " + status + "): " + type);
        } catch (IOException e) {
            throw new UncheckedIOException("Organizations ListAccounts: " + e.getMessage(), e);
        }
    }

    private static String errorType(String body) {
        try {
            Map<String, JsonNode> error = Json.parse(body).asObject();
            String type = error.containsKey("__type") ? error.get("__type").asString() : "";
            JsonNode message = error.getOrDefault("Message", error.get("message"));
            return type.substring(type.indexOf('#') + 1) + (message != null && message.isString()
                    ? ": " + message.asString() : "");
        } catch (RuntimeException notJson) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }

    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode v = fields.get(name);
        return v != null && v.isString() ? v.asString() : "";
    }
}
