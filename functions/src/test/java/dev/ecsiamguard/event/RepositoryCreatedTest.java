package dev.ecsiamguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.ServiceIdentity;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;

class RepositoryCreatedTest {

    private static final ProvisioningConfig DEFAULTS = ProvisioningConfig.fromEnvironment(Map.of());

    @ParameterizedTest
    @Event(value = "events/cloudtrail/ecr-create-repository.json", type = ScheduledEvent.class)
    void from_whenSuccessfulCreateRepository_readsRepositoryAndScope(ScheduledEvent event) {
        RepositoryCreated created = RepositoryCreated.from(CloudTrailCall.from(event));

        assertThat(created).isEqualTo(new RepositoryCreated("payments/api", "123456789012", "us-east-1",
                "e1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601"));
        assertThat(ServiceIdentity.forRepository(created.repositoryName(), DEFAULTS).service())
                .isEqualTo("payments-api");
    }

    @ParameterizedTest
    @Event(value = "events/cloudtrail/ecr-create-repository-orders.json", type = ScheduledEvent.class)
    void from_whenSingleSegmentRepository_readsIt(ScheduledEvent event) {
        assertThat(RepositoryCreated.from(CloudTrailCall.from(event)).repositoryName()).isEqualTo("orders");
    }

    @ParameterizedTest
    @Event(value = "events/invalid/ecr-delete-repository.json", type = ScheduledEvent.class)
    void from_whenDeleteRepository_rejectsNamingTheCall(ScheduledEvent event) {
        CloudTrailCall call = CloudTrailCall.from(event);

        assertThatThrownBy(() -> RepositoryCreated.from(call)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("DeleteRepository");
    }

    @ParameterizedTest
    @Event(value = "events/invalid/ecr-create-repository-failed-call.json", type = ScheduledEvent.class)
    void from_whenCallFailed_rejectsNamingErrorCode(ScheduledEvent event) {
        CloudTrailCall call = CloudTrailCall.from(event);

        assertThatThrownBy(() -> RepositoryCreated.from(call)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("RepositoryAlreadyExistsException");
    }

    @ParameterizedTest
    @Event(value = "events/invalid/ecr-create-repository-missing-name.json", type = ScheduledEvent.class)
    void from_whenRepositoryNameMissing_rejectsNamingField(ScheduledEvent event) {
        CloudTrailCall call = CloudTrailCall.from(event);

        assertThatThrownBy(() -> RepositoryCreated.from(call)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("repositoryName");
    }

    @ParameterizedTest
    @Event(value = "events/invalid/not-cloudtrail.json", type = ScheduledEvent.class)
    void from_whenNotCloudTrail_rejectsBeforeReadingRepository(ScheduledEvent event) {
        assertThatThrownBy(() -> RepositoryCreated.from(CloudTrailCall.from(event)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("Object Created");
    }

    @ParameterizedTest
    @Event(value = "events/invalid/ecr-create-repository-bad-name.json", type = ScheduledEvent.class)
    void from_whenRepositoryNameIsInvalid_parsesButIdentityRejectsIt(ScheduledEvent event) {
        RepositoryCreated created = RepositoryCreated.from(CloudTrailCall.from(event));

        assertThat(created.repositoryName()).isEqualTo("Payments_API!");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceIdentity.forRepository(created.repositoryName(), DEFAULTS))
                .withMessageContaining("Payments_API!");
    }

    @ParameterizedTest
    @Event(value = "events/invalid/ecr-create-repository-name-too-long.json", type = ScheduledEvent.class)
    void from_whenRoleNameWouldBeTooLong_parsesButIdentityRejectsIt(ScheduledEvent event) {
        RepositoryCreated created = RepositoryCreated.from(CloudTrailCall.from(event));

        assertThat(created.repositoryName()).startsWith("platform/");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceIdentity.forRepository(created.repositoryName(), DEFAULTS))
                .withMessageContaining("64");
    }
}
