package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.TaskDefinitionValidation;
import dev.ecsiamguard.app.ValidationConfig;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.RoleCache;
import dev.ecsiamguard.local.LocalTables;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.testing.CallRecorder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Figures for scripts/bench-validate (not a test): AWS calls per validation with empty caches, warm (the role cache
 * as deployed, and with RoleCacheSeconds 0), and the warm handler's time per event (role cache on), against the
 * moto server in AWS_ENDPOINT_URL.
 */
public final class ValidationBenchmark {

    private ValidationBenchmark() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        // As deployed: the role cache's markers in the role-usage table, RoleCacheSeconds' default.
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("ROLE_USAGE_TABLE", "role-usage");
        env.putIfAbsent("ROLE_CACHE_SECONDS", "300");
        AwsClients setup = new AwsClients(AwsSettings.fromEnvironment(env));
        setup.eventBridge().createEventBus(r -> r.name("ecs-iam-guard"));
        LocalTables.createRoleUsageTable(setup.dynamoDb(), "role-usage");
        IamClient iam = setup.iam();
        ValidateTaskDefinitionHandlerMotoTest.createRoles(iam, true);
        iam.attachRolePolicy(r -> r.roleName(ValidateTaskDefinitionHandlerMotoTest.EXEC_ROLE)
                .policyArn("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
        ValidateTaskDefinitionHandlerMotoTest.register(setup.ecs(), ValidateTaskDefinitionHandlerMotoTest.EVENT);
        ScheduledEvent event = EventLoader.loadScheduledEvent(ValidateTaskDefinitionHandlerMotoTest.EVENT);
        LocalContext context = new LocalContext("ValidateTaskDefinitionFunction", 60, 1024,
                new PrintStream(OutputStream.nullOutputStream()));

        CallRecorder recorder = new CallRecorder();
        Map<String, String> uncached = new java.util.HashMap<>(env);
        uncached.put("ROLE_CACHE_SECONDS", "0");
        ValidateTaskDefinitionHandler fresh = handler(uncached, recorder);
        ValidateTaskDefinitionHandler handler = handler(env, recorder);
        dev.ecsiamguard.aws.EnvironmentCaches.clearAll();
        handler.handleRequest(event, context);
        print("cold (empty managed-policy and role caches)", recorder.calls());
        recorder.clear();
        handler.handleRequest(event, context);
        print("warm (second event, same instance, RoleCacheSeconds=" + env.get("ROLE_CACHE_SECONDS") + ")",
                recorder.calls());
        recorder.clear();
        fresh.handleRequest(event, context);
        print("warm with RoleCacheSeconds=0 (every role read fresh)", recorder.calls());

        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            long t0 = System.nanoTime();
            handler.handleRequest(event, context);
            micros.add((System.nanoTime() - t0) / 1000);
        }
        Collections.sort(micros);
        System.out.printf("warm handler time over %d events: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n",
                events, micros.get(events / 2) / 1000.0, micros.get(events * 9 / 10) / 1000.0, micros.get(0) / 1000.0,
                micros.get(events - 1) / 1000.0);
    }

    private static ValidateTaskDefinitionHandler handler(Map<String, String> env, CallRecorder recorder) {
        AwsClients clients = new AwsClients(AwsSettings.fromEnvironment(env).withInterceptor(recorder));
        return new ValidateTaskDefinitionHandler(new TaskDefinitionValidation(ValidationConfig.fromEnvironment(env),
                clients).withRoleCache(RoleCache.fromEnvironment(env, clients)), clients.settings().region().id());
    }

    private static void print(String label, List<String> calls) {
        Map<String, Integer> byOperation = new TreeMap<>();
        calls.forEach(c -> byOperation.merge(c, 1, Integer::sum));
        System.out.println(label + ": " + calls.size() + " AWS calls " + byOperation);
    }
}
