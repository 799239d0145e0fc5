package dev.ecsiamguard.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on 127.0.0.1 in front of moto that answers a share of the calls with a fault, in each service's
 * own wire format: throttling (400 `Throttling`/`ThrottlingException`), 503 `ServiceUnavailable` (neither
 * reaches moto), or "answer lost": the call runs on moto, and the caller gets a 500 instead of its answer. The
 * SDK retries all three; what it cannot absorb surfaces as the handler's exception.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Fault { THROTTLE, UNAVAILABLE, ANSWER_LOST }

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect",
            "transfer-encoding", "upgrade", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final Random random;
    private volatile double rate;
    private final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();
    private final AtomicInteger forwarded = new AtomicInteger();

    public FaultProxy(URI target, long seed, double rate) throws IOException {
        this.target = target;
        this.random = new Random(seed);
        this.rate = rate;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The share of calls answered with a fault from now on (0 turns faults off). */
    public void rate(double share) {
        this.rate = share;
    }

    public int injected(Fault fault) {
        return injected.computeIfAbsent(fault, f -> new AtomicInteger()).get();
    }

    public int forwarded() {
        return forwarded.get();
    }

    private Fault draw() {
        synchronized (random) {
            if (random.nextDouble() >= rate) {
                return null;
            }
            return Fault.values()[random.nextInt(Fault.values().length)];
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).contains("json");
            Fault fault = draw();
            if (fault != null) {
                injected.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
            }
            if (fault == Fault.THROTTLE) {
                error(exchange, 400, json, json ? "ThrottlingException" : "Throttling", "Rate exceeded");
                return;
            }
            if (fault == Fault.UNAVAILABLE) {
                error(exchange, 503, json, "ServiceUnavailable", "Service is unavailable, try again");
                return;
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            if (fault == Fault.ANSWER_LOST) {
                error(exchange, 500, json, "InternalFailure", "The answer was lost after the call ran");
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            forwarded.incrementAndGet();
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    // The error shape of the JSON protocols (ECS, ECR, Logs, EventBridge) or of the query protocol (IAM, STS).
    private static void error(HttpExchange exchange, int status, boolean json, String code, String message)
            throws IOException {
        String body;
        if (json) {
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().add("x-amzn-ErrorType", code);
            body = "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}";
        } else {
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            body = "<ErrorResponse><Error><Type>" + (status < 500 ? "Sender" : "Receiver") + "</Type><Code>" + code
                    + "</Code><Message>" + message + "</Message></Error><RequestId>fault</RequestId></ErrorResponse>";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("x-amzn-RequestId", "fault");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
