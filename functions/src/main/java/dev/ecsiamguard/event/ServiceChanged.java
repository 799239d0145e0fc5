package dev.ecsiamguard.event;

import java.util.Optional;

/**
 * A successful {@code ecs:CreateService} or {@code ecs:UpdateService}: which service (and cluster) may now run
 * another revision. Only a trigger: the service is described again to learn what it really runs.
 */
public record ServiceChanged(String cluster, String service, String eventId) {

    public static ServiceChanged from(CloudTrailCall call) {
        if (!"ecs.amazonaws.com".equals(call.eventSource())
                || !(call.eventName().equals("CreateService") || call.eventName().equals("UpdateService"))) {
            throw new InvalidEventException("event is `" + call.eventSource() + ":" + call.eventName()
                    + "`: expected ecs:CreateService or ecs:UpdateService");
        }
        call.errorCode().ifPresent(code -> {
            throw new InvalidEventException(call.eventName() + " failed with `" + code + "`: nothing changed");
        });
        Optional<String> arn = call.response("service.serviceArn");
        String service = arn.or(() -> call.request("serviceName")).or(() -> call.request("service"))
                .orElseThrow(() -> new InvalidEventException("event names no service (neither `responseElements"
                        + ".service.serviceArn` nor `requestParameters.serviceName` / `.service`)"));
        String cluster = call.response("service.clusterArn").or(() -> call.request("cluster")).orElse("default");
        return new ServiceChanged(cluster, service, call.eventId());
    }
}
