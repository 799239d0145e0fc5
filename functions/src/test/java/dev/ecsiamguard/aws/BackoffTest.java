package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Predicate<RuntimeException> ONLY_RETRYABLE = e -> e instanceof Retryable;

    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void run_whenCallSucceedsAfterRetryableFailures_returnsResultAfterOneSleepPerFailure() {
        AtomicInteger calls = new AtomicInteger();
        Backoff backoff = new Backoff(5, 100, 2_000, sleeper);

        String result = backoff.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new Retryable();
            }
            return "done";
        }, ONLY_RETRYABLE);

        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
        assertThat(sleeper.sleeps).hasSize(2);
    }

    @Test
    void run_whenAlwaysRetryable_givesUpAfterMaxAttemptsWithTheLastException() {
        AtomicInteger calls = new AtomicInteger();
        Backoff backoff = new Backoff(4, 100, 2_000, sleeper);

        assertThatThrownBy(() -> backoff.run(() -> {
            throw new Retryable("attempt " + calls.incrementAndGet());
        }, ONLY_RETRYABLE)).isInstanceOf(Retryable.class).hasMessage("attempt 4");
        assertThat(calls).hasValue(4);
        assertThat(sleeper.sleeps).hasSize(3);
    }

    @Test
    void run_whenRetrying_sleepsWithinAGrowingJitterWindowCappedAtCap() {
        Backoff backoff = new Backoff(7, 100, 1_000, sleeper);

        assertThatThrownBy(() -> backoff.run(() -> {
            throw new Retryable();
        }, ONLY_RETRYABLE)).isInstanceOf(Retryable.class);

        long[] ceilings = {100, 200, 400, 800, 1_000, 1_000};
        assertThat(sleeper.sleeps).hasSize(ceilings.length);
        for (int i = 0; i < ceilings.length; i++) {
            assertThat(sleeper.sleeps.get(i)).as("sleep %d", i + 1).isBetween(ceilings[i] / 2, ceilings[i]);
        }
        assertThat(sleeper.sleeps.get(3)).isGreaterThan(sleeper.sleeps.get(0));
    }

    @Test
    void run_whenManyAttempts_neverSleepsLongerThanCap() {
        Backoff backoff = new Backoff(80, 100, 2_000, sleeper);

        assertThatThrownBy(() -> backoff.run(() -> {
            throw new Retryable();
        }, ONLY_RETRYABLE)).isInstanceOf(Retryable.class);

        assertThat(sleeper.sleeps).hasSize(79).allSatisfy(s -> assertThat(s).isBetween(0L, 2_000L));
    }

    @Test
    void run_whenNotRetryable_throwsAtOnceWithoutSleeping() {
        AtomicInteger calls = new AtomicInteger();
        Backoff backoff = new Backoff(5, 100, 2_000, sleeper);

        assertThatThrownBy(() -> backoff.run(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("fatal");
        }, ONLY_RETRYABLE)).isInstanceOf(IllegalStateException.class).hasMessage("fatal");
        assertThat(calls).hasValue(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void run_whenSleeperIsInterrupted_rethrowsOriginalAndKeepsInterruptFlag() {
        AtomicInteger calls = new AtomicInteger();
        Backoff backoff = new Backoff(5, 100, 2_000, millis -> {
            throw new InterruptedException();
        });

        try {
            assertThatThrownBy(() -> backoff.run(() -> {
                calls.incrementAndGet();
                throw new Retryable("first");
            }, ONLY_RETRYABLE)).isInstanceOf(Retryable.class).hasMessage("first");
            assertThat(calls).hasValue(1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void run_whenRunnableSucceedsAfterRetry_runsItAgain() {
        AtomicInteger calls = new AtomicInteger();
        Backoff backoff = new Backoff(3, 10, 100, sleeper);

        backoff.run(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new Retryable();
            }
        }, ONLY_RETRYABLE);

        assertThat(calls).hasValue(2);
        assertThat(sleeper.sleeps).hasSize(1);
    }

    private static final class RecordingSleeper implements Backoff.Sleeper {
        private final List<Long> sleeps = new ArrayList<>();

        @Override
        public void sleep(long millis) {
            sleeps.add(millis);
        }
    }

    private static final class Retryable extends RuntimeException {
        Retryable() {
            this("retryable");
        }

        Retryable(String message) {
            super(message);
        }
    }
}
