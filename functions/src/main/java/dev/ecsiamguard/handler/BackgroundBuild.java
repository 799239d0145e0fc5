package dev.ecsiamguard.handler;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A handler's object graph (SDK clients, HTTP client and its TLS context, adapters, the engine), built on a
 * thread of its own from the moment the runtime constructs the handler. The runtime meanwhile sets up and runs
 * its event serialization on the main thread, so on a cold start the two overlap instead of adding up (measured by
 * `scripts/bench-provision`). {@link #get()} waits for the build; when the build failed, every call throws that
 * failure again (the invocation fails, as a failed init would have made it fail).
 */
public final class BackgroundBuild<T> implements Supplier<T> {

    private final FutureTask<T> task;

    private BackgroundBuild(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts building on a daemon thread named after {@code what}. */
    public static <T> BackgroundBuild<T> start(String what, Supplier<T> build) {
        Objects.requireNonNull(build, "build");
        FutureTask<T> task = new FutureTask<>(build::get);
        Thread thread = new Thread(task, "ecs-iam-guard-build-" + what);
        thread.setDaemon(true);
        thread.start();
        return new BackgroundBuild<>(task);
    }

    /** An already built value (tests and the local tools construct synchronously). */
    public static <T> BackgroundBuild<T> ready(T value) {
        FutureTask<T> task = new FutureTask<>(() -> Objects.requireNonNull(value, "value"));
        task.run();
        return new BackgroundBuild<>(task);
    }

    @Override
    public T get() {
        try {
            return task.get();
        } catch (ExecutionException e) {
            // The build is a Supplier: its failure is unchecked and is rethrown as it was thrown.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("building the handler failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the handler was being built", e);
        }
    }
}
