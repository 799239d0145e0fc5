package dev.ecsiamguard.aws;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded exponential backoff with full jitter, for IAM's eventual consistency (a role just created may not be
 * visible to the next call for a few seconds). Never a fixed sleep; the sleeper is replaceable in tests.
 */
public final class Backoff {

    /** Waits for a number of milliseconds. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final int maxAttempts;
    private final long baseMillis;
    private final long capMillis;
    private final Sleeper sleeper;

    public Backoff(int maxAttempts, long baseMillis, long capMillis, Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.sleeper = sleeper;
    }

    /** About 8 s in the worst case: enough for IAM propagation, well inside a Lambda timeout. */
    public static Backoff forIamPropagation() {
        return new Backoff(7, 100, 2_000, Thread::sleep);
    }

    public <T> T run(Supplier<T> call, Predicate<RuntimeException> retryable) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !retryable.test(e)) {
                    throw e;
                }
                // INVARIANT: no overflow; `baseMillis << shift` alone turns negative after ~57 attempts.
                int shift = Math.min(attempt - 1, 62);
                long ceiling = baseMillis > (capMillis >> shift) ? capMillis : baseMillis << shift;
                try {
                    sleeper.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public void run(Runnable call, Predicate<RuntimeException> retryable) {
        run(() -> {
            call.run();
            return null;
        }, retryable);
    }
}
