package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.MotoServer;
import org.junit.jupiter.api.Test;

/** A call that fails (moto refuses this setting) is not kept: the next validation asks again. */
class EcsAccountSettingsReaderMotoTest {

    private final MotoServer moto = MotoServer.get();
    private final CallRecorder recorder = new CallRecorder();

    @Test
    void defaultLogDriverMode_whenTheCallFails_isUnknownAndAskedAgain() {
        moto.reset();
        EcsAccountSettingsReader reader = new EcsAccountSettingsReader(
                new AwsClients(moto.settings().withInterceptor(recorder)).ecs());

        assertThat(reader.defaultLogDriverMode().unknownBecause()).startsWith("ecs:ListAccountSettings failed");
        reader.defaultLogDriverMode();

        assertThat(recorder.calls()).containsExactly("Ecs:ListAccountSettings", "Ecs:ListAccountSettings");
    }
}
