package dev.ecsiamguard.handler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Primes the real HTTP transport: priming's SDK clients talk to an in-memory account, so the URLConnection client
 * and the JDK's socket and HTTP classes would otherwise first load in the first real invocation. One request goes
 * to a listener of this process on the loopback address, which answers and closes; nothing reaches the network
 * or an account, and no connection is left open in the snapshot.
 */
final class TransportPriming {

    private TransportPriming() {
    }

    static void prime() {
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread answer = new Thread(() -> answerOnce(listener), "priming-loopback");
            answer.setDaemon(true);
            answer.start();
            try (SdkHttpClient http = UrlConnectionHttpClient.builder().build()) {
                SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                        .uri(URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/"))
                        .putHeader("Content-Type", "application/x-amz-json-1.1").build();
                ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder().request(request)
                        .contentStreamProvider(() -> new java.io.ByteArrayInputStream("{}".getBytes(
                                StandardCharsets.UTF_8))).build());
                HttpExecuteResponse response = call.call();
                if (response.responseBody().isPresent()) {
                    response.responseBody().get().readAllBytes();
                    response.responseBody().get().close();
                }
            }
            answer.join(5_000);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("priming the HTTP transport over loopback failed: " + e, e);
        }
    }

    private static void answerOnce(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            String seen = "";
            while (!seen.contains("\r\n\r\n{}")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                seen += new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            // the client side reports the failure
        }
    }
}
