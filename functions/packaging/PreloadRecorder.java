/**
 * Run by PreloadList.java in a JVM whose class path is one function's package and which logs every class it
 * loads: constructs the handler as Lambda does and runs its SnapStart priming, which drives the whole invocation
 * path against an in-memory AWS (nothing leaves the process). Prints how many primings ran.
 */
public final class PreloadRecorder {

    private PreloadRecorder() {
    }

    public static void main(String[] args) throws Exception {
        Class.forName(args[0]).getDeclaredConstructor().newInstance();
        Object primed = Class.forName("dev.ecsiamguard.handler.Priming").getMethod("runAll").invoke(null);
        System.out.println(primed);
    }
}
