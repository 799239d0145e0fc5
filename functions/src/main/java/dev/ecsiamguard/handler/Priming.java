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
            public void beforeCheckpoint(Context<? extends Resource> context) {
                try {
                    prime.run();
                    String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
                    TransportPriming.prime();
                    if (SerializationPriming.primeFor(handlerClass(handler), region)) {
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
