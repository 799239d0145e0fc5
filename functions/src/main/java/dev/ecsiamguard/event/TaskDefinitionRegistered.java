package dev.ecsiamguard.event;

import java.util.Optional;

/**
 * A successful {@code ecs:RegisterTaskDefinition}: the new revision's ARN when the event carries it, else the
 * family (the latest revision is then described), in which account and region.
 */
public record TaskDefinitionRegistered(Optional<String> taskDefinitionArn, Optional<String> family, String account,
                                       String region, String eventId) {

    public static TaskDefinitionRegistered from(CloudTrailCall call) {
        call.require("ecs.amazonaws.com", "RegisterTaskDefinition");
        Optional<String> arn = call.response("taskDefinition.taskDefinitionArn");
        Optional<String> family = call.response("taskDefinition.family").or(() -> call.request("family"));
        if (arn.isEmpty() && family.isEmpty()) {
            throw new InvalidEventException("event has neither `detail.responseElements.taskDefinition"
                    + ".taskDefinitionArn` nor `detail.requestParameters.family`");
        }
        if (arn.isPresent() && !arn.get().startsWith("arn:")) {
            throw new InvalidEventException("`taskDefinitionArn` is not an ARN: `" + arn.get() + "`");
        }
        return new TaskDefinitionRegistered(arn, family, call.account(), call.region(), call.eventId());
    }

    /** What to describe: the revision itself, or the family's latest ACTIVE revision. */
    public String describeTarget() {
        return taskDefinitionArn.orElseGet(family::get);
    }
}
