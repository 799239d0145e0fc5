package dev.ecsiamguard.local;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Benchmark-only: counts the AWS calls of this JVM and sums the time each spends on the wire (request sent to
 * response received, i.e. waiting on the server, moto here). `scripts/bench-provision` registers it as an SDK
 * global interceptor (a `software/amazon/awssdk/global/handlers/execution.interceptors` resource) only on the
 * class path of its diagnostic run; nothing packaged names it.
 */
public final class WireTiming implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("WireTimingSent");
    private static final AtomicLong CALLS = new AtomicLong();
    private static final AtomicLong WIRE_NANOS = new AtomicLong();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(SENT, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Long sent = attributes.getAttribute(SENT);
        if (sent != null) {
            CALLS.incrementAndGet();
            WIRE_NANOS.addAndGet(System.nanoTime() - sent);
        }
    }

    /** HTTP exchanges completed so far (retries count each). */
    public static long calls() {
        return CALLS.get();
    }

    /** Their summed wire time in milliseconds. */
    public static long wireMillis() {
        return WIRE_NANOS.get() / 1_000_000;
    }
}
