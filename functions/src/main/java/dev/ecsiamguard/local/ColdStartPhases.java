package dev.ecsiamguard.local;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark-only: where one plain cold start goes (`scripts/bench-provision`). Like `LocalRuntime <handler>
 * <event>`, but prints one JSON line of phases in milliseconds: `jvm` (process start to main, from the launch
 * time the script passes as `-Dphases.launchedNanos`, epoch nanoseconds), `init` (building the handler: its
 * classes, SDK clients, configuration), `invoke` (the invocation through the runtime emulation: event
 * deserialisation, handling, result serialisation), `wire` and `calls` (of `invoke`, the time spent waiting on
 * the AWS endpoint and the number of calls, from {@link WireTiming} when it is registered), and the classes
 * loaded by the end of each phase. Its own measuring (the management bean) is done after the timed phases.
 */
public final class ColdStartPhases {

    private ColdStartPhases() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = epochNanos();
        long launched = Long.getLong("phases.launchedNanos", mainAt);
        String className = args[0].split("::")[0];
        String event = Files.readString(Path.of(args[1]));
        long t0 = System.nanoTime();
        Object handler = Class.forName(className).getDeclaredConstructor().newInstance();
        long t1 = System.nanoTime();
        long callsBefore = WireTiming.calls();
        long wireBefore = WireTiming.wireMillis();
        String out = LocalRuntime.invoke(handler, event, new LocalContext(className, 60, 1024,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        long t2 = System.nanoTime();
        if (!out.contains("\"status\":\"ok\"")) {
            throw new IllegalStateException("the event was not handled: " + out);
        }
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        System.out.println("{\"jvmMs\":" + (mainAt - launched) / 1_000_000 + ",\"initMs\":" + (t1 - t0) / 1_000_000
                + ",\"invokeMs\":" + (t2 - t1) / 1_000_000 + ",\"wireMs\":" + (WireTiming.wireMillis() - wireBefore)
                + ",\"calls\":" + (WireTiming.calls() - callsBefore) + ",\"classes\":" + classes + "}");
    }

    private static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
