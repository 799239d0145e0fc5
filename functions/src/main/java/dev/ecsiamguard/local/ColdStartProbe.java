package dev.ecsiamguard.local;

import dev.ecsiamguard.aws.EnvironmentCaches;
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
 * file through {@link LocalRuntime#invoke}, timing each step. After the first, invocations alternate between
 * warm (the data caches as the earlier invocations left them) and warm "as after a restore" (every
 * execution-environment data cache emptied just before, {@link EnvironmentCaches#clearAll()}, so it makes the
 * same AWS calls as a first invocation after a SnapStart restore). Prints one JSON line:
 * `{"initMs":..,"primeMs":..,"invocationsMs":[first, warm..],"restoredMs":[..],"awsCalls":[..],
 * "restoredCalls":[..]}`: the AWS calls of each invocation, counted by {@link WireTiming} where the benchmark
 * registers it as an SDK global interceptor, else read from the invocation's log line (null if it has none).
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
        List<Long> restoredTimes = new ArrayList<>();
        List<String> restoredCalls = new ArrayList<>();
        boolean counted = wireTimingRegistered();
        boolean markers = Boolean.getBoolean("probe.markers");  // for -Xlog:class+load: what each invocation loads
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i);
            boolean restored = i > 0 && i % 2 == 0;  // 0 first, 1 warm, 2 as after a restore, 3 warm, ...
            if (restored) {
                EnvironmentCaches.clearAll();
            }
            if (markers) {
                System.out.println("-- invocation " + (i + 1) + (restored ? " (caches emptied)" : ""));
            }
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            LocalContext context = new LocalContext(args[0], 60, 1024, new PrintStream(log, true,
                    StandardCharsets.UTF_8));
            long callsBefore = WireTiming.calls();
            long t0 = System.nanoTime();
            String out = LocalRuntime.invoke(handler, event, context);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (out.contains("\"rejected\"") || out.contains("\"internal_error\"")) {
                throw new IllegalStateException("the benchmark event was not handled: " + out);
            }
            Matcher m = AWS_CALLS.matcher(log.toString(StandardCharsets.UTF_8));
            (restored ? restoredTimes : times).add(ms);
            String made = counted ? String.valueOf(WireTiming.calls() - callsBefore) : m.find() ? m.group(1) : "null";
            (restored ? restoredCalls : calls).add(made);
        }
        System.out.println("{\"initMs\":" + (built - start) / 1_000_000 + ",\"primeMs\":" + (primed - built) / 1_000_000
                + ",\"invocationsMs\":" + times + ",\"restoredMs\":" + restoredTimes + ",\"awsCalls\":"
                + calls.toString().replace(" ", "") + ",\"restoredCalls\":" + restoredCalls.toString().replace(" ", "")
                + "}");
    }

    private static boolean wireTimingRegistered() throws java.io.IOException {
        var lists = ColdStartProbe.class.getClassLoader().getResources(
                "software/amazon/awssdk/global/handlers/execution.interceptors");
        while (lists.hasMoreElements()) {
            try (var in = lists.nextElement().openStream()) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(WireTiming.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
