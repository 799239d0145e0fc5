import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Cold-start helpers of functions/Makefile, run as a single source file.
 *
 * <ul>
 *   <li>`record <handler> <PreloadRecorder.java> <out.jar> <package jar>...`: the classes the handler's priming run loads from the
 *       package and the JDK, in load order, as the list `handler/ClassPreload.java` reads, in a jar of its own.
 *       The run is a fresh JVM on the package's jars (PreloadRecorder.java) with every AWS endpoint on a closed
 *       loopback port; it sends nothing. A handler without SnapStart priming gets no list.</li>
 *   <li>`store <jar>...`: rewrites each jar with its entries stored, not deflated: Lambda unzips the package,
 *       so class loading then reads the bytes without inflating them, and the package zip, which deflates the
 *       whole jar, comes out smaller.</li>
 * </ul>
 */
public final class PreloadList {

    private static final Pattern LOADED = Pattern.compile("(\\S+) source: (.+)$");
    // Classes only priming itself loads: an invocation never needs them.
    private static final Pattern PRIMING_ONLY = Pattern.compile("dev\\.ecsiamguard\\.(aws\\.priming\\..*"
            + "|handler\\.(HandlerPriming|PrimingSamples|TransportPriming|SerializationPriming)(\\$.*)?)");

    private PreloadList() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 5 && args[0].equals("record")) {
            record(args[1], Path.of(args[2]), Path.of(args[3]), List.of(args).subList(4, args.length));
        } else if (args.length >= 2 && args[0].equals("store")) {
            for (int i = 1; i < args.length; i++) {
                store(Path.of(args[i]));
            }
        } else {
            System.err.println("usage: PreloadList record <handler> <PreloadRecorder.java> <out.jar> <package jar>... | store <jar>...");
            System.exit(2);
        }
    }

    private static void record(String handler, Path recorder, Path out, List<String> jars) throws Exception {
        Path log = Files.createTempFile("class-load", ".log");
        ProcessBuilder run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", String.join(java.io.File.pathSeparator, jars),
                recorder.toString(), handler);
        Map<String, String> env = run.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.keySet().removeIf(k -> k.equals("ROLE_USAGE_TABLE"));
        // Configured like a deployed function in what changes the path (the role cache reads its markers), with
        // every endpoint on a closed port: priming answers in memory and sends nothing.
        env.putAll(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "preload", "AWS_SECRET_ACCESS_KEY",
                "preload", "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "ROLE_USAGE_TABLE", "preload-role-usage"));
        run.redirectErrorStream(true);
        Process process = run.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the priming run of " + handler + " failed:\n" + output);
        }
        String[] lines = output.split("\\R");
        if (lines[lines.length - 1].equals("0")) {
            System.out.println("no preload list for " + handler + ": it registers no priming");
            Files.deleteIfExists(out);
            return;
        }
        List<String> names = preload(Files.readAllLines(log), handler);
        Files.delete(log);
        writeJar(out, "ecs-iam-guard/preload/" + handler + ".classes", String.join("\n", names) + "\n");
        System.out.println("preload list of " + handler + ": " + names.size() + " classes");
    }

    /**
     * The classes loaded from the handler's own load on, from the package or the JDK, minus priming's own: first
     * those loaded after the build (PreloadRecorder's marker), then the build's own, each in load order.
     */
    static List<String> preload(List<String> logLines, String handler) {
        Set<String> build = new LinkedHashSet<>();
        Set<String> names = build;
        boolean started = false;
        for (String line : logLines) {
            Matcher m = LOADED.matcher(line);
            if (!m.find()) {
                continue;
            }
            String name = m.group(1);
            String source = m.group(2);
            if (name.equals("PreloadRecorder$BuildDone")) {
                names = new LinkedHashSet<>();
                continue;
            }
            started |= name.equals(handler);
            boolean nameable = !name.contains("/") && !source.startsWith("__");  // hidden classes have no name
            boolean fromPackageOrJdk = source.startsWith("file:") || source.startsWith("jrt:")
                    || source.startsWith("shared objects file");
            if (started && nameable && fromPackageOrJdk && !PRIMING_ONLY.matcher(name).matches()) {
                names.add(name);
            }
        }
        if (!started) {
            throw new IllegalStateException("the class load log never shows " + handler);
        }
        Set<String> ordered = new LinkedHashSet<>(names == build ? Set.of() : names);
        ordered.addAll(build);
        return new ArrayList<>(ordered);
    }

    private static void writeJar(Path out, String entry, String text) throws IOException {
        try (OutputStream file = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry(entry));
            jar.write(text.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }

    private static void store(Path jarPath) throws IOException {
        Path tmp = Files.createTempFile(jarPath.toAbsolutePath().getParent(), "stored", ".jar");
        try (JarFile in = new JarFile(jarPath.toFile(), false);
                OutputStream file = Files.newOutputStream(tmp);
                JarOutputStream out = new JarOutputStream(file)) {
            for (JarEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                JarEntry stored = new JarEntry(e.getName());
                stored.setMethod(JarEntry.STORED);
                stored.setSize(bytes.length);
                stored.setCompressedSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                stored.setCrc(crc.getValue());
                stored.setTime(e.getTime());
                out.putNextEntry(stored);
                out.write(bytes);
                out.closeEntry();
            }
        }
        // A temporary file is private to its owner; the package must stay readable by Lambda's runtime user.
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(jarPath));
        Files.move(tmp, jarPath, StandardCopyOption.REPLACE_EXISTING);
    }
}
