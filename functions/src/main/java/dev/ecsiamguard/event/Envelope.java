package dev.ecsiamguard.event;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the scope an EventBridge event claims (its account, region, and the partition of every ARN it carries)
 * against the function's own, before anything is read or written. EventBridge sets `account` and `region`, so
 * an event without them is refused too.
 */
public final class Envelope {

    /** Services whose CloudTrail events are recorded in the partition's global region, not the caller's. */
    static final Set<String> GLOBAL_SOURCES = Set.of("iam.amazonaws.com");
    private static final int MAX_DEPTH = 64;

    private Envelope() {
    }

    public static void requireWithin(ScheduledEvent event, FunctionScope own) {
        if (event == null) {
            throw new InvalidEventException("event is empty");
        }
        Map<String, Object> detail = event.getDetail() == null ? Map.of() : event.getDetail();
        boolean global = detail.get("eventSource") instanceof String source && GLOBAL_SOURCES.contains(source);
        own.requireAccount(required(event.getAccount(), "account"), "event account");
        own.requireRegion(required(event.getRegion(), "region"), "event region", global);
        if (detail.get("recipientAccountId") != null) {
            own.requireAccount(String.valueOf(detail.get("recipientAccountId")), "detail.recipientAccountId");
        }
        if (detail.get("awsRegion") != null) {
            own.requireRegion(String.valueOf(detail.get("awsRegion")), "detail.awsRegion", global);
        }
        if (event.getResources() != null) {
            event.getResources().forEach(arn -> own.requirePartition(String.valueOf(arn), "resource"));
        }
        requireArnsInPartition(detail, own);
    }

    // Nothing crosses partitions: an ARN of another partition anywhere in the event means it was not ours.
    private static void requireArnsInPartition(Map<String, Object> detail, FunctionScope own) {
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {detail, 0});
        while (!todo.isEmpty()) {
            Object[] next = todo.pop();
            Object value = next[0];
            int depth = (int) next[1];
            if (depth > MAX_DEPTH) {
                throw new InvalidEventException("event detail is nested more than " + MAX_DEPTH + " levels deep");
            }
            if (value instanceof String s && s.startsWith("arn:")) {
                own.requirePartition(s, "ARN");
            } else if (value instanceof Map<?, ?> map) {
                map.values().forEach(v -> todo.push(new Object[] {v, depth + 1}));
            } else if (value instanceof List<?> list) {
                list.forEach(v -> todo.push(new Object[] {v, depth + 1}));
            }
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("event has no `" + field + "`");
        }
        return value;
    }
}
