package dev.ecsiamguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class CloudTrailCallTest {

    @ParameterizedTest
    @Events(folder = "events/cloudtrail", type = ScheduledEvent.class)
    void from_whenAnySampleEvent_parsesRequiredFields(ScheduledEvent event) {
        CloudTrailCall call = CloudTrailCall.from(event);

        assertThat(call.eventSource()).isNotBlank();
        assertThat(call.eventName()).isNotBlank();
        assertThat(call.region()).isNotBlank();
        assertThat(call.account()).isNotBlank();
    }

    @ParameterizedTest
    @Event(value = "events/cloudtrail/ecr-create-repository.json", type = ScheduledEvent.class)
    void from_whenCreateRepositoryEvent_readsCallAndNestedValues(ScheduledEvent event) {
        CloudTrailCall call = CloudTrailCall.from(event);

        assertThat(call.eventId()).isEqualTo("e1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601");
        assertThat(call.account()).isEqualTo("123456789012");
        assertThat(call.region()).isEqualTo("us-east-1");
        assertThat(call.eventSource()).isEqualTo("ecr.amazonaws.com");
        assertThat(call.eventName()).isEqualTo("CreateRepository");
        assertThat(call.errorCode()).isEmpty();
        assertThat(call.request("repositoryName")).contains("payments/api");
        assertThat(call.request("imageScanningConfiguration.scanOnPush")).contains("true");
        assertThat(call.request("tags")).isEmpty();
        assertThat(call.request("no.such.path")).isEmpty();
        assertThat(call.response("repository.registryId")).contains("123456789012");
        assertThat(call.identity("sessionContext.sessionIssuer.userName")).contains("PlatformEngineer");
        assertThat(call.require("ecr.amazonaws.com", "CreateRepository")).isSameAs(call);
    }

    @ParameterizedTest
    @Event(value = "events/invalid/not-cloudtrail.json", type = ScheduledEvent.class)
    void from_whenDetailTypeIsNotCloudTrail_rejectsNamingIt(ScheduledEvent event) {
        assertThatThrownBy(() -> CloudTrailCall.from(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail-type").hasMessageContaining("Object Created");
    }

    @Test
    void from_whenEventIsNull_rejects() {
        assertThatThrownBy(() -> CloudTrailCall.from(null)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void from_whenDetailIsEmpty_rejects() {
        ScheduledEvent event = cloudTrail(Map.of());

        assertThatThrownBy(() -> CloudTrailCall.from(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("`detail`");
    }

    @Test
    void from_whenEventNameMissing_rejectsNamingField() {
        ScheduledEvent event = cloudTrail(Map.of("eventSource", "ecr.amazonaws.com", "awsRegion", "eu-west-1",
                "recipientAccountId", "123456789012"));

        assertThatThrownBy(() -> CloudTrailCall.from(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail.eventName");
    }

    @Test
    void from_whenDetailLacksRegionAndAccount_usesEnvelope() {
        ScheduledEvent event = cloudTrail(Map.of("eventSource", "ecr.amazonaws.com", "eventName", "CreateRepository"))
                .withRegion("eu-central-1").withAccount("210987654321").withId("envelope-id");

        CloudTrailCall call = CloudTrailCall.from(event);

        assertThat(call.region()).isEqualTo("eu-central-1");
        assertThat(call.account()).isEqualTo("210987654321");
        assertThat(call.eventId()).isEqualTo("envelope-id");
    }

    @Test
    void from_whenNoRegionAnywhere_rejectsNamingField() {
        ScheduledEvent event = cloudTrail(Map.of("eventSource", "ecr.amazonaws.com", "eventName", "CreateRepository"))
                .withAccount("210987654321");

        assertThatThrownBy(() -> CloudTrailCall.from(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail.awsRegion");
    }

    @Test
    void require_whenOtherCall_rejectsNamingBoth() {
        CloudTrailCall call = CloudTrailCall.from(cloudTrail(Map.of("eventSource", "ecr.amazonaws.com",
                "eventName", "DeleteRepository", "awsRegion", "eu-west-1", "recipientAccountId", "123456789012")));

        assertThatThrownBy(() -> call.require("ecr.amazonaws.com", "CreateRepository"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ecr.amazonaws.com:DeleteRepository")
                .hasMessageContaining("ecr.amazonaws.com:CreateRepository");
    }

    private static ScheduledEvent cloudTrail(Map<String, Object> detail) {
        return new ScheduledEvent().withDetailType(CloudTrailCall.DETAIL_TYPE).withDetail(new HashMap<>(detail));
    }
}
