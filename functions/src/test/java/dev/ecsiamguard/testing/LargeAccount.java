package dev.ecsiamguard.testing;

import dev.ecsiamguard.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Runs scripts/make-large-account against the test's moto server and reads back the defects it planted. */
public final class LargeAccount {

    /** One planted defect: the sweep must report {@code ruleId} on a resource or message naming {@code token}. */
    public record Planted(String ruleId, String token) {
    }

    private LargeAccount() {
    }

    public static List<Planted> generate(MotoServer moto, String... args) {
        try {
            Path script = Path.of("..", "scripts", "make-large-account").toAbsolutePath().normalize();
            Path manifest = Files.createTempFile("planted-", ".json");
            List<String> command = new java.util.ArrayList<>(List.of("python3", script.toString(), "--manifest",
                    manifest.toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(moto.environment());
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("make-large-account failed: " + output);
            }
            JsonNode planted = Json.parse(Files.readString(manifest));
            return planted.asArray().stream().map(JsonNode::asObject)
                    .map(p -> new Planted(p.get("ruleId").asString(), p.get("token").asString())).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The variables a sweep reads, pointed at moto. */
    public static Map<String, String> sweepEnvironment(MotoServer moto) {
        Map<String, String> env = moto.environment();
        env.put("AWS_ACCOUNT_ID", "123456789012");
        return env;
    }
}
