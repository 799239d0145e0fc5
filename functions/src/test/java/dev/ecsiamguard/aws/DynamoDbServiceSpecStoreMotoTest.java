package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.core.spec.ServiceSpec;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spec table adapter against DynamoDB's wire protocol (moto): round trip and conditional writes. */
class DynamoDbServiceSpecStoreMotoTest {

    private final MotoServer moto = MotoServer.get();
    private final CallRecorder recorder = new CallRecorder();
    private DynamoDbServiceSpecStore store;

    @BeforeEach
    void deployTable() {
        moto.reset();
        new LocalAws(moto).deploySpecTable("eu-west-1");
        Map<String, String> env = new HashMap<>(moto.environment());
        env.put("SPEC_TABLE_REGION", "eu-west-1");
        store = DynamoDbServiceSpecStore.fromEnvironment(env, new AwsClients(moto.settings()
                .withInterceptor(recorder)));
    }

    @Test
    void writeThenRead_returnsEveryField() {
        ServiceSpec spec = ServiceSpec.empty("ecs-orders-execution-role", "orders", "dev")
                .withRegion("us-east-1", "orders").withRegion("eu-west-1", "team/orders")
                .withCapabilities(List.of("exec", "s3:bucket/prefix:read"))
                .withSecretsManagerPrefixes(List.of("dev/orders/")).withSsmParameterPrefixes(List.of("/dev/orders/"))
                .withExecutionGrant("arn:aws:secretsmanager:us-east-1:123456789012:secret:shared-AbCdEf")
                .withAnnounced("us-east-1", "0123abcd");

        ServiceSpec written = store.writeIfUnchanged(spec).orElseThrow();

        assertThat(written.version()).isEqualTo(1);
        assertThat(store.read(spec.id())).contains(written);
        assertThat(store.read("ecs-other-execution-role")).isEmpty();
    }

    @Test
    void writeIfUnchanged_whenTheVersionMovedOn_losesAndLeavesTheWinnersSpec() {
        ServiceSpec first = store.writeIfUnchanged(ServiceSpec.empty("id-1", "orders", "dev")
                .withRegion("us-east-1", "orders")).orElseThrow();
        ServiceSpec winner = store.writeIfUnchanged(first.withRegion("eu-west-1", "orders")).orElseThrow();

        assertThat(store.writeIfUnchanged(first.withCapabilities(List.of("xray")))).isEmpty();
        assertThat(store.writeIfUnchanged(ServiceSpec.empty("id-1", "orders", "prod"))).isEmpty();
        assertThat(store.read("id-1")).contains(winner);
    }

    @Test
    void update_whenNothingChanges_onlyReads() {
        store.update("id-1", () -> ServiceSpec.empty("id-1", "orders", "dev"), s -> s.withRegion("us-east-1", "o"));
        recorder.clear();

        store.update("id-1", () -> ServiceSpec.empty("id-1", "orders", "dev"), s -> s.withRegion("us-east-1", "o"));

        assertThat(recorder.calls()).containsExactly("DynamoDb:GetItem");
    }

    @Test
    void fromEnvironment_whenTableNameOrRegionInvalid_namesTheVariable() {
        AwsClients clients = new AwsClients(moto.settings());
        assertThatThrownBy(() -> DynamoDbServiceSpecStore.fromEnvironment(Map.of("SPEC_TABLE", "a b"), clients))
                .hasMessageContaining("SPEC_TABLE");
        assertThatThrownBy(() -> DynamoDbServiceSpecStore.fromEnvironment(Map.of("SPEC_TABLE_REGION", "mars"),
                clients)).hasMessageContaining("SPEC_TABLE_REGION");
    }
}
