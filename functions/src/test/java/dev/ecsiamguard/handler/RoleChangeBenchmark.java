package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.MotoServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Figures for scripts/bench-rolechange (not a test): AWS calls per IAM event for a role no revision uses, for the
 * task role shared by N families (half of them running as services), and for a replay; and the warm handler's time
 * per event (median) for the unrelated and the relevant case, against a moto server it starts.
 */
public final class RoleChangeBenchmark {

    private RoleChangeBenchmark() {
    }

    public static void main(String[] args) {
        int families = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        MotoServer moto = MotoServer.get();
        RoleChangeFixture fixture = new RoleChangeFixture(moto, "us-east-1");
        fixture.clients.eventBridge().createEventBus(r -> r.name("ecs-iam-guard"));
        fixture.deployTable();
        RoleChangeFixture.createRoles(fixture.clients.iam());
        RoleChangeHandler handler = fixture.handler();
        LocalContext context = RoleChangeFixture.context();
        for (int i = 0; i < families; i++) {
            String revision = fixture.register("svc-" + i, true);
            handler.handleRequest(RoleChangeFixture.validated(revision), context);
            if (i % 2 == 0) {
                fixture.createService("svc-" + i, revision);
                handler.handleRequest(serviceEvent(fixture, "svc-" + i), context);
            }
        }
        fixture.clients.iam().attachRolePolicy(r -> r.roleName(ValidateTaskDefinitionHandlerMotoTest.TASK_ROLE)
                .policyArn(RoleChangeFixture.ADMIN));
        dev.ecsiamguard.aws.EnvironmentCaches.clearAll();

        IntFunction<ScheduledEvent> unrelated = i -> withEventId(RoleChangeHandlerMotoTest.UNRELATED, "u-" + i);
        IntFunction<ScheduledEvent> relevant = i -> withEventId(RoleChangeHandlerMotoTest.ATTACH_ADMIN, "r-" + i);
        measure("unrelated role", handler, fixture.recorder, unrelated, runs, context);
        measure("task role of " + families + " families, " + (families + 1) / 2 + " of them services", handler,
                fixture.recorder, relevant, Math.max(3, runs / 5), context);
        fixture.recorder.clear();
        handler.handleRequest(relevant.apply(0), context);
        print("replay of a handled event", fixture.recorder.calls());
        System.exit(0);
    }

    private static void measure(String label, RoleChangeHandler handler, CallRecorder recorder,
                                IntFunction<ScheduledEvent> events, int runs, LocalContext context) {
        recorder.clear();
        handler.handleRequest(events.apply(0), context);
        print(label, recorder.calls());
        List<Long> micros = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            ScheduledEvent event = events.apply(i);
            long t0 = System.nanoTime();
            handler.handleRequest(event, context);
            micros.add((System.nanoTime() - t0) / 1000);
        }
        Collections.sort(micros);
        System.out.printf("  warm handler time over %d events: median %.1f ms, min %.1f ms, max %.1f ms%n", runs,
                micros.get(runs / 2) / 1000.0, micros.get(0) / 1000.0, micros.get(runs - 1) / 1000.0);
    }

    private static ScheduledEvent serviceEvent(RoleChangeFixture fixture, String service) {
        ScheduledEvent event = RoleChangeFixture.event("events/cloudtrail/ecs-create-service.json");
        Map<String, Object> detail = new HashMap<>(event.getDetail());
        detail.put("responseElements", Map.of("service", Map.of("serviceArn",
                "arn:aws:ecs:us-east-1:123456789012:service/ecs-dev/" + service,
                "clusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/ecs-dev")));
        event.setDetail(detail);
        return event;
    }

    private static ScheduledEvent withEventId(String file, String eventId) {
        ScheduledEvent event = RoleChangeFixture.event(file);
        Map<String, Object> detail = new HashMap<>(event.getDetail());
        detail.put("eventID", eventId);
        event.setDetail(detail);
        return event;
    }

    private static void print(String label, List<String> calls) {
        Map<String, Integer> byOperation = new TreeMap<>();
        calls.forEach(c -> byOperation.merge(c, 1, Integer::sum));
        System.out.println(label + ": " + calls.size() + " AWS calls " + byOperation);
    }
}
