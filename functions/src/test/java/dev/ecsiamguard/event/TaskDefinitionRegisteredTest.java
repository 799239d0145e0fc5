package dev.ecsiamguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import org.junit.jupiter.params.ParameterizedTest;

class TaskDefinitionRegisteredTest {

    @ParameterizedTest
    @Event(value = "events/cloudtrail/ecs-register-task-definition.json", type = ScheduledEvent.class)
    void from_whenResponseHasArn_takesTheArn(ScheduledEvent event) {
        TaskDefinitionRegistered registered = TaskDefinitionRegistered.from(CloudTrailCall.from(event));

        assertThat(registered.describeTarget())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/payments-api:1");
        assertThat(registered.account()).isEqualTo("123456789012");
        assertThat(registered.region()).isEqualTo("us-east-1");
    }

    @ParameterizedTest
    @Event(value = "events/cloudtrail/ecs-register-task-definition-family-only.json", type = ScheduledEvent.class)
    void from_whenResponseMissing_fallsBackToFamily(ScheduledEvent event) {
        assertThat(TaskDefinitionRegistered.from(CloudTrailCall.from(event)).describeTarget())
                .isEqualTo("orders-worker");
    }

    @ParameterizedTest
    @Event(value = "events/invalid/ecs-register-task-definition-failed-call.json", type = ScheduledEvent.class)
    void from_whenCallFailed_rejects(ScheduledEvent event) {
        assertThatThrownBy(() -> TaskDefinitionRegistered.from(CloudTrailCall.from(event)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ClientException");
    }

    @ParameterizedTest
    @Event(value = "events/invalid/ecs-register-task-definition-no-family.json", type = ScheduledEvent.class)
    void from_whenNeitherArnNorFamily_rejects(ScheduledEvent event) {
        assertThatThrownBy(() -> TaskDefinitionRegistered.from(CloudTrailCall.from(event)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("family");
    }
}
