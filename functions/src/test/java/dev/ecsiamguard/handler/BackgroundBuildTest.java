package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundBuildTest {

    @Test
    void start_returnsBeforeTheBuildEnds_whichRunsOnceOnItsOwnThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> builder = new AtomicReference<>();
        AtomicInteger builds = new AtomicInteger();

        BackgroundBuild<String> built = BackgroundBuild.start("test", () -> {
            builder.set(Thread.currentThread());
            await(release);
            builds.incrementAndGet();
            return "graph";
        });

        assertThat(builds).hasValue(0);  // still blocked: start did not wait for it
        release.countDown();
        assertThat(built.get()).isEqualTo("graph");
        assertThat(built.get()).isEqualTo("graph");
        assertThat(builds).hasValue(1);
        assertThat(builder.get()).isNotSameAs(Thread.currentThread());
        assertThat(builder.get().getName()).isEqualTo("ecs-iam-guard-build-test");
        assertThat(builder.get().isDaemon()).isTrue();
    }

    @Test
    void aFailedBuild_isThrownAsItWasThrown_onEveryGet() {
        BackgroundBuild<String> built = BackgroundBuild.start("bad", () -> {
            throw new IllegalArgumentException("ROLE_CACHE_SECONDS is `five`");
        });

        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(built::get).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ROLE_CACHE_SECONDS is `five`");
        }
    }

    @Test
    void ready_isBuiltAlready() {
        assertThat(BackgroundBuild.ready("graph").get()).isEqualTo("graph");
        assertThatThrownBy(() -> BackgroundBuild.ready(null).get()).isInstanceOf(NullPointerException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
