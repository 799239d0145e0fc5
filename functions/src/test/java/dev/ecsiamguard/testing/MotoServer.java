package dev.ecsiamguard.testing;

import dev.ecsiamguard.aws.AwsSettings;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One moto server per test JVM, on 127.0.0.1 and a free port, with AWS managed policies loaded. Tests reset its
 * state with {@link #reset()} instead of starting another one (start-up takes over a second).
 */
public final class MotoServer {

    private static MotoServer instance;

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static synchronized MotoServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.process::destroy));
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Environment variables for a handler that should talk to this server (as the local runner sets them). */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    public AwsSettings settings() {
        return AwsSettings.fromEnvironment(environment());
    }

    /**
     * Forgets every resource (AWS managed policies come back by themselves), and what this JVM's execution
     * environment caches read of the old account's roles.
     */
    public void reset() {
        dev.ecsiamguard.aws.RoleCache.clear();
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.getOutputStream().close();
            if (c.getResponseCode() != 200) {
                throw new IllegalStateException("moto reset answered " + c.getResponseCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed", e);
        }
    }

    private static MotoServer start() {
        String executable = locate();
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-", ".log");
            ProcessBuilder pb = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
            Process process = pb.start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            waitUntilReady(process, endpoint, log);
            return new MotoServer(process, endpoint);
        } catch (IOException e) {
            throw new IllegalStateException("could not start `" + executable + "`", e);
        }
    }

    private static String locate() {
        String configured = System.getenv("MOTO_SERVER");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "moto_server"))) {
                return Path.of(dir, "moto_server").toString();
            }
        }
        throw new IllegalStateException("moto_server is not on PATH: install it with"
                + " `pip install 'moto[server]==5.2.1'` or set MOTO_SERVER to its path");
    }

    private static void waitUntilReady(Process process, URI endpoint, Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(200);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("moto_server did not answer within 30 s: " + Files.readString(log));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
