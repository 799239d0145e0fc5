package dev.ecsiamguard.core.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One API call to decide. Context key names compare case-insensitively, values case-sensitively.
 * With {@code contextComplete} false (the default) a condition on a key that is not supplied makes the result
 * inconclusive instead of silently treating the key as absent. The record stores the action and key names
 * lower-cased, since IAM compares both case-insensitively.
 */
public record Request(Principal principal, String action, String resource, Map<String, List<String>> context,
                      boolean contextComplete) {

    public Request {
        action = action.toLowerCase(Locale.ROOT);
        Map<String, List<String>> lowered = new HashMap<>();
        context.forEach((key, values) -> lowered.put(key.toLowerCase(Locale.ROOT), List.copyOf(values)));
        context = Map.copyOf(lowered);
    }

    public static Request of(String action, String resource) {
        return new Request(null, action, resource, Map.of(), false);
    }

    public Request withPrincipal(Principal requester) {
        return new Request(requester, action, resource, context, contextComplete);
    }

    /** Adds one context key; several values make it a multivalued key such as {@code aws:TagKeys}. */
    public Request with(String key, String... values) {
        Map<String, List<String>> more = new HashMap<>(context);
        more.put(key, List.of(values));
        return new Request(principal, action, resource, more, contextComplete);
    }

    /** Declares every key not supplied to be absent from the real request, as IAM would see it. */
    public Request withCompleteContext() {
        return new Request(principal, action, resource, context, true);
    }

    /** The values of a key, or null when the caller did not supply it. */
    List<String> values(String loweredKey) {
        return context.get(loweredKey);
    }
}
