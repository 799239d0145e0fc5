package dev.ecsiamguard.local;

import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invokes a function of `template.yaml` by its logical id with an event file, like `sam local invoke -e`:
 * the function's environment comes from the template, the AWS endpoint and credentials from this process's
 * environment (`AWS_ENDPOINT_URL` for a local moto server), and the handler runs in a fresh JVM through
 * {@link LocalRuntime}, as in a new Lambda execution environment.
 *
 * <p>Usage: `LocalInvoker <LogicalId> <event.json> [--template F] [--parameter K=V]... [--env K=V]... [--prepare]`;
 * `--prepare` (for a throwaway moto server) first creates the stack's bus and what the event presupposes.
 */
public final class LocalInvoker {

    private LocalInvoker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: invoke <FunctionLogicalId> <event.json> [--template template.yaml]"
                    + " [--parameter Name=Value]... [--env NAME=value]...");
            System.exit(2);
        }
        Path template = Path.of("template.yaml");
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> envOverrides = new LinkedHashMap<>();
        boolean prepare = false;
        for (int i = 2; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            if (args[i].equals("--prepare")) {
                prepare = true;
                i--;
                continue;
            }
            switch (args[i]) {
                case "--template" -> template = Path.of(value);
                case "--parameter" -> put(parameters, value);
                case "--env" -> put(envOverrides, value);
                default -> throw new IllegalArgumentException("unknown option `" + args[i] + "`");
            }
        }
        Map<String, String> base = System.getenv();
        String region = base.getOrDefault("AWS_REGION", base.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        SamTemplate.Function function = SamTemplate.load(template, parameters, region).function(args[0]);
        Map<String, String> env = environment(function, base, envOverrides);
        if (prepare) {
            // Against a throwaway moto server: create the bus and what the event presupposes (its repository, ...).
            new LocalDemo(SamTemplate.load(template, parameters, region), env, System.err)
                    .prepareFor(read(Path.of(args[1])));
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                LocalRuntime.class.getName(), function.handler(), Path.of(args[1]).toAbsolutePath().toString()));
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        child.environment().clear();
        child.environment().putAll(env);
        System.exit(child.start().waitFor());
    }

    /** The environment a function sees: this process's, then the template's variables, then explicit overrides. */
    public static Map<String, String> environment(SamTemplate.Function function, Map<String, String> base,
                                                  Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>(base);
        env.putAll(function.environment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMb()));
        env.putIfAbsent("AWS_REGION", "us-east-1");
        env.putAll(overrides);
        return env;
    }

    /**
     * Runs a function in this JVM, for tests and the local demo: the handler is built with its environment
     * constructor (`new Handler(Map<String, String>)`) when it has one, since a JVM cannot change its own env.
     */
    public static String invokeInProcess(SamTemplate.Function function, Map<String, String> env, String eventJson,
                                         PrintStream log) throws Exception {
        return invokeInProcess(function, env, eventJson, new LocalContext(function.logicalId(),
                function.timeoutSeconds(), function.memoryMb(), log));
    }

    /** The same, with a given context (e.g. one whose function ARN is in the real account). */
    public static String invokeInProcess(SamTemplate.Function function, Map<String, String> env, String eventJson,
                                         com.amazonaws.services.lambda.runtime.Context context) throws Exception {
        Class<?> type = Class.forName(function.handler().split("::")[0]);
        Object handler;
        try {
            Constructor<?> withEnv = type.getConstructor(Map.class);
            handler = withEnv.newInstance(env);
        } catch (NoSuchMethodException e) {
            handler = type.getDeclaredConstructor().newInstance();
        }
        return LocalRuntime.invoke(handler, eventJson, context);
    }

    public static String read(Path event) throws java.io.IOException {
        if (!Files.isRegularFile(event)) {
            throw new IllegalArgumentException("event file `" + event + "` does not exist");
        }
        return Files.readString(event);
    }

    private static void put(Map<String, String> map, String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected NAME=value, got `" + pair + "`");
        }
        map.put(pair.substring(0, eq), pair.substring(eq + 1));
    }

}
