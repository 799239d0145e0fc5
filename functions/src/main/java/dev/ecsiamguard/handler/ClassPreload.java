package dev.ecsiamguard.handler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Loads, on a daemon thread, the classes a handler's first invocation will need, in the order a recorded run
 * loaded them, while the runtime's main thread is busy with its own start-up: class loading is most of a cold
 * start, and a second core can take part of it. The list is recorded by the package build (`PackageTool
 * preload-list`, in functions/Makefile) from a run of the handler's SnapStart priming against the package itself,
 * and ships as {@link #resource(Class)}; without it (tests, local runs from target/classes) nothing is started.
 *
 * <p>Classes are loaded and linked (verified), not initialised: no static initialiser runs on this thread (so class
 * initialisation can never wait on the main thread's), and nothing an invocation computes depends on it. This is only a head start:
 * a listed name that does not load here (another JDK build, a class the package no longer has) is skipped, and its
 * first real use loads it and reports any error there as usual.
 */
public final class ClassPreload {

    private static final List<Thread> STARTED = new CopyOnWriteArrayList<>();

    private ClassPreload() {
    }

    /** The class path resource listing the classes of a handler's first invocation, one binary name a line. */
    public static String resource(Class<?> handler) {
        return "ecs-iam-guard/preload/" + handler.getName() + ".classes";
    }

    /** Starts preloading the handler's recorded classes if its package ships the list; says whether it did. */
    public static boolean start(Class<?> handler) {
        ClassLoader loader = handler.getClassLoader();
        List<String> names = recorded(loader, resource(handler));
        if (names.isEmpty()) {
            return false;
        }
        Thread thread = new Thread(() -> loadAll(names, loader), "ecs-iam-guard-preload");
        thread.setDaemon(true);
        STARTED.add(thread);
        thread.start();
        return true;
    }

    /** Waits for every preload started here: SnapStart's snapshot should not catch one half done. */
    public static void awaitAll() throws InterruptedException {
        for (Thread thread : STARTED) {
            thread.join();
        }
    }

    /** Loads and links each named class without initialising it; returns how many loaded. */
    static int loadAll(List<String> names, ClassLoader loader) {
        int loaded = 0;
        for (String name : names) {
            try {
                // Asking for its constructors makes the JVM link (verify) the class, which a bare load leaves for
                // first use; it runs no static initialiser.
                Class.forName(name, false, loader).getDeclaredConstructors();
                loaded++;
            } catch (ClassNotFoundException | LinkageError skipped) {
                // A head start only (see the class comment): the first real use reports it.
            }
        }
        return loaded;
    }

    static List<String> recorded(ClassLoader loader, String resource) {
        List<String> names = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return names;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the preload list " + resource, e);
        }
        return names;
    }
}
