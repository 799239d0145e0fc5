package dev.ecsiamguard.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;

/** The baseline of the cold-start benchmark: same runtime emulation and event type, no work at all. */
public final class BareHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return Map.of("status", "ok");
    }
}
