package dev.ecsiamguard.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of moto: it answers a share of requests with each protocol's
 * own throttling error (JSON `ThrottlingException`, query `Throttling`, S3 `SlowDown`), and refuses the requests a
 * predicate names with `AccessDenied` (an account whose member role cannot be assumed). Everything else is
 * forwarded unchanged.
 */
public final class ThrottlingProxy implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding");

    private final HttpServer server;
    private final URI target;
    private final double throttleShare;
    private final Predicate<String> denied;
    private final Random random = new Random(15);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    /** @param denied given a request body, whether to refuse it with AccessDenied */
    public ThrottlingProxy(URI target, double throttleShare, Predicate<String> denied) throws IOException {
        this.target = target;
        this.throttleShare = throttleShare;
        this.denied = denied;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The variables of {@link MotoServer#environment()}, pointed at this proxy. */
    public Map<String, String> environment(MotoServer moto) {
        Map<String, String> env = moto.environment();
        env.put("AWS_ENDPOINT_URL", endpoint().toString());
        return env;
    }

    public long throttled() {
        return throttled.get();
    }

    public long forwarded() {
        return forwarded.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (denied.test(text)) {
                reply(exchange, 403, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                        + "<Message>not authorized to perform sts:AssumeRole</Message></Error></ErrorResponse>");
                return;
            }
            if (throttle()) {
                throttled.incrementAndGet();
                if (target != null) {
                    reply(exchange, 400, "application/x-amz-json-1.1",
                            "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
                } else if (text.contains("Action=")) {
                    reply(exchange, 400, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling"
                            + "</Code><Message>Rate exceeded</Message></Error></ErrorResponse>");
                } else {
                    reply(exchange, 503, "application/xml", "<Error><Code>SlowDown</Code><Message>Reduce your"
                            + " request rate</Message></Error>");
                }
                return;
            }
            forward(exchange, body);
        }
    }

    private synchronized boolean throttle() {
        return random.nextDouble() < throttleShare;
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        forwarded.incrementAndGet();
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] bytes = response.body();
        exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
