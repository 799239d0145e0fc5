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
 * ECS's answer about the log-driver mode is asked once per five minutes per reader (one reader per execution
 * environment). ECS is the in-memory account of SnapStart priming (moto refuses this setting): real SDK
 * marshalling over a transport that answers as ECS does and lists every request it answered.
 */
class EcsAccountSettingsReaderTest {

    private final PrimingAccount account = new PrimingAccount("123456789012", "us-east-1");
    private final ExpiringCacheTest.HandClock clock = new ExpiringCacheTest.HandClock();
    private final EcsClient ecs = new AwsClients(new AwsSettings(Region.US_EAST_1, Map.of(), Optional.empty(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), List.of()),
            account.transport()).ecs();

    @Test
    void defaultLogDriverMode_warm_isAskedOnceUntilTheAnswerIsFiveMinutesOld() {
        EcsAccountSettingsReader reader = new EcsAccountSettingsReader(ecs, clock);

        var first = reader.defaultLogDriverMode();
        var second = reader.defaultLogDriverMode();
        clock.now = clock.now.plus(EcsAccountSettingsReader.MAX_AGE.minus(Duration.ofSeconds(1)));
        reader.defaultLogDriverMode();

        assertThat(second).isEqualTo(first);
        assertThat(account.transport().answered()).containsExactly("ecs:ListAccountSettings");

        clock.now = clock.now.plus(Duration.ofSeconds(1));
        reader.defaultLogDriverMode();

        assertThat(account.transport().answered()).containsExactly("ecs:ListAccountSettings",
                "ecs:ListAccountSettings");
    }

    @Test
    void defaultLogDriverMode_ofTwoReaders_isAskedByEach() {
        new EcsAccountSettingsReader(ecs, clock).defaultLogDriverMode();
        new EcsAccountSettingsReader(ecs, clock).defaultLogDriverMode();

        assertThat(account.transport().answered()).hasSize(2);
    }
}
