package dev.ecsiamguard.event;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an "AWS API Call via CloudTrail" EventBridge event this application reads.
 * Only a trigger: handlers re-describe the resources it names, since payloads can be partial.
 */
public record CloudTrailCall(String eventId, String account, String region, String eventSource, String eventName,
                             Optional<String> errorCode, String sourceIp, Map<String, Object> userIdentity,
                             Map<String, Object> requestParameters, Map<String, Object> responseElements) {

    public static final String DETAIL_TYPE = "AWS API Call via CloudTrail";

    public static CloudTrailCall from(ScheduledEvent event) {
        if (event == null) {
            throw new InvalidEventException("event is empty");
        }
        if (!DETAIL_TYPE.equals(event.getDetailType())) {
            throw new InvalidEventException("detail-type is `" + event.getDetailType() + "`: expected `"
                    + DETAIL_TYPE + "`");
        }
        Map<String, Object> detail = event.getDetail();
        if (detail == null || detail.isEmpty()) {
            throw new InvalidEventException("event has no `detail`");
        }
        String region = firstText(detail.get("awsRegion"), event.getRegion(), "detail.awsRegion");
        String account = firstText(detail.get("recipientAccountId"), event.getAccount(), "account");
        return new CloudTrailCall(
                text(detail.get("eventID")).orElse(event.getId() == null ? "" : event.getId()),
                account, region,
                text(detail.get("eventSource")).orElseThrow(() -> missing("detail.eventSource")),
                text(detail.get("eventName")).orElseThrow(() -> missing("detail.eventName")),
                text(detail.get("errorCode")),
                text(detail.get("sourceIPAddress")).orElse("an unknown address"),
                map(detail.get("userIdentity")),
                map(detail.get("requestParameters")),
                map(detail.get("responseElements")));
    }

    /** Fails unless this is the given API call, and a successful one. */
    public CloudTrailCall require(String source, String name) {
        if (!source.equals(eventSource) || !name.equals(eventName)) {
            throw new InvalidEventException("event is `" + eventSource + ":" + eventName + "`: expected `"
                    + source + ":" + name + "`");
        }
        if (errorCode.isPresent()) {
            throw new InvalidEventException(name + " failed with `" + errorCode.get() + "`: nothing to act on");
        }
        return this;
    }

    /** A text value at a dotted path under requestParameters or responseElements, e.g. `repository.repositoryName`. */
    public Optional<String> request(String path) {
        return text(at(requestParameters, path));
    }

    public Optional<String> response(String path) {
        return text(at(responseElements, path));
    }

    public Optional<String> identity(String path) {
        return text(at(userIdentity, path));
    }

    static Object at(Map<String, Object> root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(part);
        }
        return current;
    }

    private static Optional<String> text(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return Optional.of(s);
        }
        return value instanceof Number || value instanceof Boolean ? Optional.of(value.toString()) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String firstText(Object preferred, String fallback, String field) {
        return text(preferred).or(() -> text(fallback)).orElseThrow(() -> missing(field));
    }

    private static InvalidEventException missing(String field) {
        return new InvalidEventException("event has no `" + field + "`");
    }

}
