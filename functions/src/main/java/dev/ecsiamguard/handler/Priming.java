package dev.ecsiamguard.handler;

import dev.ecsiamguard.aws.EnvironmentCaches;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Each handler registers, when the runtime builds it, a CRaC resource whose `beforeCheckpoint`
 * drives the handler's whole invocation path once against an in-memory AWS ({@link HandlerPriming}), so the
 * snapshot already holds the loaded classes, the SDK marshallers and the engine; nothing leaves the process.
 * Locally, `LocalRuntime --prime` runs the same hooks, since a plain JVM never checkpoints.
 */
public final class Priming {

    /**
     * Each priming runs this many times: the first loads the classes, the next ones make the methods hot enough
     * for the JIT compiler to compile them (the snapshot keeps compiled code), so a restored environment's first
     * invocation does not run them interpreted (measured with `scripts/bench-coldstart`).
     */
    static final int ROUNDS = 3;

    // org.crac holds registered resources through weak references: these keep them alive until the snapshot.
    private static final Map<String, Resource> REGISTERED = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger SERIALIZATION_PRIMED =
            new java.util.concurrent.atomic.AtomicInteger();

    private Priming() {
    }

    /** Registers (or replaces) the priming of one handler. */
    public static void register(String handler, Runnable prime) {
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) throws InterruptedException {
                ClassPreload.awaitAll();
                try {
                    String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
                    boolean serialization = false;
                    for (int round = 0; round < ROUNDS; round++) {
                        prime.run();
                        TransportPriming.prime();
                        serialization = SerializationPriming.primeFor(handlerClass(handler), region);
                    }
                    if (serialization) {
                        SERIALIZATION_PRIMED.incrementAndGet();
                    }
                } finally {
                    // What the in-memory account answered must never answer a real invocation after the restore.
                    EnvironmentCaches.clearAll();
                }
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // nothing to renew: clients resolve credentials per request, and HTTP connections are not pooled
            }
        };
        REGISTERED.put(handler, resource);
        Core.getGlobalContext().register(resource);
    }

    /** How many primings also primed the runtime's event and result serialization (0 where it is absent). */
    public static int serializationPrimed() {
        return SERIALIZATION_PRIMED.get();
    }

    private static Class<?> handlerClass(String name) {
        try {
            return Class.forName(name, false, Priming.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("priming names handler " + name + ", which is not here", e);
        }
    }

    /** Runs every registered priming now, as SnapStart does before taking its snapshot; returns how many ran. */
    public static int runAll() throws Exception {
        for (Resource resource : REGISTERED.values()) {
            resource.beforeCheckpoint(null);
        }
        return REGISTERED.size();
    }
}
