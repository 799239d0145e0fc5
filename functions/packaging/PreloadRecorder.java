/**
 * Run by PreloadList.java in a JVM whose class path is one function's package and which logs every class it
 * loads: constructs the handler as Lambda does and runs its SnapStart priming, which drives the whole invocation
 * path against an in-memory AWS (nothing leaves the process). Prints how many primings ran.
 */
public final class PreloadRecorder {

    private PreloadRecorder() {
    }

    /** Loaded only once the build is done: its line in the class load log separates the build's classes. */
    static final class BuildDone {
    }

    public static void main(String[] args) throws Exception {
        Class.forName(args[0]).getDeclaredConstructor().newInstance();
        // The handler's background build first, then a marker in the class load log: what loads after it is what
        // only an invocation needs, which the preload thread then takes first (the build thread loads the rest).
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("ecs-iam-guard-build-")) {
                thread.join();
            }
        }
        new BuildDone();
        Object primed = Class.forName("dev.ecsiamguard.handler.Priming").getMethod("runAll").invoke(null);
        System.out.println(primed);
    }
}
