package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.aws.priming.PrimingAccount;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * One seam empties every execution-environment data cache: what a restored environment (and the benchmark's
 * "as after a restore" invocation) starts from. The ECS answers come from the in-memory account of priming.
 */
class EnvironmentCachesTest {

    private final PrimingAccount account = new PrimingAccount("123456789012", "us-east-1");
    private final EcsClient ecs = new AwsClients(new AwsSettings(Region.US_EAST_1, Map.of(), Optional.empty(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), List.of()),
            account.transport()).ecs();

    @Test
    void clearAll_emptiesEveryRegisteredCache_andTheReadersAskAgain() {
        ExpiringCache<String, String> own = EnvironmentCaches.register(new ExpiringCache<>(4, Duration.ofHours(1),
                java.time.Clock.systemUTC()));
        own.put("a", "1");
        own.put("b", "2");
        EcsAccountSettingsReader reader = new EcsAccountSettingsReader(ecs);
        reader.defaultLogDriverMode();
        reader.defaultLogDriverMode();
        assertThat(account.transport().answered()).hasSize(1);  // kept: the second read was answered by the cache

        int dropped = EnvironmentCaches.clearAll();

        assertThat(dropped).isGreaterThanOrEqualTo(3);
        assertThat(own.size()).isZero();
        assertThat(EnvironmentCaches.entries()).isZero();
        reader.defaultLogDriverMode();
        assertThat(account.transport().answered()).containsExactly("ecs:ListAccountSettings",
                "ecs:ListAccountSettings");
    }
}
