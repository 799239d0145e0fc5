package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import dev.ecsiamguard.aws.RoleCacheTrust.Marker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * DynamoDB may leave keys of a BatchGetItem unprocessed (throttling, size); moto never does, so only a mocked client
 * can answer that way. A role whose key came back unprocessed is unknown (read fresh), never "no change".
 */
class RoleChangeMarkersUnprocessedKeysTest {

    private static final String TABLE = "role-usage";

    @Test
    void anUnprocessedKey_isUnknown_whileTheOthersAreAnswered() {
        DynamoDbClient dynamo = mock(DynamoDbClient.class);
        BatchGetItemResponse answer = BatchGetItemResponse.builder()
                .responses(Map.of(TABLE, List.of(Map.of("pk", AttributeValue.fromS("role#changed"),
                        "changedAt", AttributeValue.fromN("1000")))))
                .unprocessedKeys(Map.of(TABLE, KeysAndAttributes.builder().keys(List.of(Map.of(
                        "pk", AttributeValue.fromS("role#throttled"), "sk", AttributeValue.fromS("changed"))))
                        .build()))
                .build();
        doReturn(answer).when(dynamo).batchGetItem(any(Consumer.class));

        Map<String, Marker> markers = new DynamoDbRoleChangeMarkers(dynamo, TABLE)
                .read(List.of("Changed", "throttled", "unchanged"));

        assertThat(markers.get("Changed")).isEqualTo(Marker.at(Instant.ofEpochMilli(1000)));
        assertThat(markers.get("throttled")).isEqualTo(Marker.unknown());
        assertThat(markers.get("unchanged")).isEqualTo(Marker.none());
        assertThat(RoleCacheTrust.trusted(Instant.ofEpochSecond(100), Instant.ofEpochSecond(110),
                java.time.Duration.ofMinutes(5), markers.get("throttled"))).isFalse();
    }
}
