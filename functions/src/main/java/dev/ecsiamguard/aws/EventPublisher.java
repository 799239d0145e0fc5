package dev.ecsiamguard.aws;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** Publishes this application's events (source `ecs-iam-guard`) to its own event bus. */
public final class EventPublisher {

    public static final String SOURCE = "ecs-iam-guard";

    private final EventBridgeClient events;
    private final String busName;

    public EventPublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    public void publish(String detailType, String detailJson, String resourceArn) {
        PutEventsResponse response = events.putEvents(r -> r.entries(e -> {
            e.eventBusName(busName).source(SOURCE).detailType(detailType).detail(detailJson);
            if (resourceArn != null && resourceArn.startsWith("arn:")) {
                e.resources(resourceArn);
            }
        }));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            PutEventsResultEntry entry = response.entries().get(0);
            throw new IllegalStateException("event bus `" + busName + "` refused the `" + detailType + "` event: "
                    + entry.errorCode() + ": " + entry.errorMessage());
        }
    }
}
