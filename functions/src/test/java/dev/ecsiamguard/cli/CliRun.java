package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** One in-process run of {@link GuardCli} with captured streams, so tests assert on exit code and output alike. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        return run(Map.of(), AccountRoleLookupFactory.NOT_AVAILABLE, args);
    }

    static CliRun run(Map<String, String> env, AccountRoleLookupFactory account, String... args) {
        return runIn(Path.of(""), env, account, args);
    }

    /** Runs with paths shown relative to {@code workingDirectory}, as if started there. */
    static CliRun runIn(Path workingDirectory, Map<String, String> env, AccountRoleLookupFactory account,
                        String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = new GuardCli(env, o, e, false, account, workingDirectory).run(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    JsonNode json() {
        return Json.parse(out);
    }

    /** The absolute path of a test resource, as a command-line argument. */
    static String resource(String name) {
        try {
            return Path.of(CliRun.class.getResource("/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
