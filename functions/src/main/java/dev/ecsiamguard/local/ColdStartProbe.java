package dev.ecsiamguard.local;

import dev.ecsiamguard.handler.Priming;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fresh JVM of the cold-start benchmark (`scripts/bench-coldstart`): builds a handler as the Lambda runtime
 * does, optionally runs its SnapStart priming (what happens before the snapshot), then invokes it once per event
 * file through {@link LocalRuntime#invoke}, timing each step. Prints one JSON line:
 * `{"initMs":..,"primeMs":..,"invocationsMs":[..],"awsCalls":[..]}` (awsCalls from each invocation's log line).
 *
 * <p>Usage: `ColdStartProbe <handler class> [--prime] <event.json>...`
 */
public final class ColdStartProbe {

    private static final Pattern AWS_CALLS = Pattern.compile("\"awsCalls\":(\\d+)");

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean prime = args.length > 1 && args[1].equals("--prime");
        List<String> events = new ArrayList<>();
        for (int i = prime ? 2 : 1; i < args.length; i++) {
            events.add(Files.readString(Path.of(args[i])));
        }
        long start = System.nanoTime();
        Object handler = Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long built = System.nanoTime();
        if (prime) {
            Priming.runAll();
        }
        long primed = System.nanoTime();
        List<Long> times = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        boolean markers = Boolean.getBoolean("probe.markers");  // for -Xlog:class+load: what each invocation loads
        for (String event : events) {
            if (markers) {
                System.out.println("-- invocation " + (times.size() + 1));
            }
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            LocalContext context = new LocalContext(args[0], 60, 1024, new PrintStream(log, true,
                    StandardCharsets.UTF_8));
            long t0 = System.nanoTime();
            String out = LocalRuntime.invoke(handler, event, context);
            times.add((System.nanoTime() - t0) / 1_000_000);
            if (out.contains("\"rejected\"") || out.contains("\"internal_error\"")) {
                throw new IllegalStateException("the benchmark event was not handled: " + out);
            }
            Matcher m = AWS_CALLS.matcher(log.toString(StandardCharsets.UTF_8));
            calls.add(m.find() ? m.group(1) : "null");
        }
        System.out.println("{\"initMs\":" + (built - start) / 1_000_000 + ",\"primeMs\":" + (primed - built) / 1_000_000
                + ",\"invocationsMs\":" + times + ",\"awsCalls\":" + calls.toString().replace(" ", "") + "}");
    }
}
