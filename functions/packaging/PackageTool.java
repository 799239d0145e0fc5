import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Helpers of functions/Makefile, run as a single source file (`java packaging/PackageTool.java ...`), so the
 * packaging needs nothing beyond a JDK and Maven.
 *
 * <ul>
 *   <li>`jdk <out.jar>`: the running JDK's class files as one jar, for ProGuard's -libraryjars. JDKs from 24 on
 *       may ship without jmods/, so the classes are read from the jrt:/ image instead.</li>
 *   <li>`keeps <jar>...`: ProGuard keep rules for the classes the libraries name in resource files, which the
 *       SDK and the JDK instantiate by name: META-INF/services/* (ServiceLoader; kept only if the service
 *       interface itself survives) and the SDK's execution.interceptors files (always loaded by the clients).</li>
 *   <li>`verify <jar>...`: loads and initialises every class of a package in a fresh class loader, which makes
 *       the JVM verify each one (ProGuard recomputes the stack map frames), and reports classes that fail
 *       verification or miss a class or member (exit status 1); other initialisation failures are counted.</li>
 *   <li>`prune <input jar dir> <jar>...`: deletes the output jars left with resource files only (see prune).</li>
 * </ul>
 */
public final class PackageTool {

    private PackageTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("jdk")) {
            jdkClasses(Path.of(args[1]));
        } else if (args.length >= 1 && args[0].equals("keeps")) {
            List<String> rules = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                rules.addAll(keeps(Path.of(args[i])));
            }
            rules.forEach(System.out::println);
        } else if (args.length >= 2 && args[0].equals("verify")) {
            System.exit(verify(args));
        } else if (args.length >= 2 && args[0].equals("prune")) {
            prune(Path.of(args[1]), List.of(args).subList(2, args.length));
        } else {
            System.err.println("usage: PackageTool jdk <out.jar> | keeps <jar>... | verify <jar>..."
                    + " | prune <input jar dir> <out jar>...");
            System.exit(2);
        }
    }

    private static void jdkClasses(Path out) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "jdk", ".jar");
        try (OutputStream file = Files.newOutputStream(tmp);
                JarOutputStream jar = new JarOutputStream(file);
                Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
            jar.setLevel(0);
            for (Path module : (Iterable<Path>) modules.sorted()::iterator) {
                String name = module.getFileName().toString();
                if (!name.startsWith("java.") && !name.equals("jdk.unsupported")) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(module)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        String entry = module.relativize(f).toString();
                        if (entry.endsWith(".class") && !entry.equals("module-info.class")) {
                            jar.putNextEntry(new JarEntry(entry));
                            Files.copy(f, jar);
                            jar.closeEntry();
                        }
                    }
                }
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static int verify(String[] args) throws IOException {
        List<java.net.URL> urls = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            urls.add(Path.of(args[i]).toUri().toURL());
            try (ZipFile zip = new ZipFile(args[i])) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    String n = e.getName();
                    if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                        classes.add(n.substring(0, n.length() - 6).replace('/', '.'));
                    }
                }
            }
        }
        int broken = 0;
        int otherFailures = 0;
        int optionalMissing = 0;
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(urls.toArray(new java.net.URL[0]),
                ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                try {
                    Class.forName(name, true, loader);
                } catch (NoClassDefFoundError e) {
                    if (optional(e.getMessage())) {
                        optionalMissing++;
                    } else {
                        broken++;
                        System.out.println("BROKEN " + name + ": " + e);
                    }
                } catch (VerifyError | ClassFormatError | IncompatibleClassChangeError e) {
                    broken++;
                    System.out.println("BROKEN " + name + ": " + e);
                } catch (Throwable e) {
                    otherFailures++;
                    System.out.println("init failed (not a packaging error) " + name + ": " + e);
                }
            }
        }
        System.out.println(classes.size() + " classes verified: " + broken + " broken, " + optionalMissing
                + " need an optional library that is not a dependency (" + OPTIONAL + "), " + otherFailures
                + " failed static initialisation for other reasons");
        return broken == 0 ? 0 : 1;
    }

    // ProGuard copies a library's resource files even when it keeps none of its classes (joda-time's time zone
    // data in a function that never parses a date): such a jar is dead weight, for only its own classes read it.
    // A jar that had no classes to begin with is left alone.
    private static void prune(Path inputs, List<String> outJars) throws IOException {
        for (String jar : outJars) {
            Path out = Path.of(jar);
            Path in = inputs.resolve(out.getFileName());
            if (classCount(out) == 0 && Files.exists(in) && classCount(in) > 0) {
                Files.delete(out);
                System.out.println("dropped " + out.getFileName() + ": no class of it is reached");
            }
        }
    }

    private static long classCount(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().filter(e -> e.getName().endsWith(".class")).count();
        }
    }

    /** Libraries the SDK uses only when present (see keep.pro's -dontwarn); classes needing them may not link. */
    private static final List<String> OPTIONAL = List.of("software/amazon/awssdk/crt/", "software/amazon/awssdk/crtcore/");

    private static boolean optional(String missingClass) {
        return missingClass != null && OPTIONAL.stream().anyMatch(missingClass::startsWith);
    }

    // The SDK's warm-up providers run only from SdkWarmUp.warmUp(), never called here (handler/Priming.java primes
    // instead); kept, each would keep its service's whole model. functions/Makefile also leaves their files out.
    private static final String SDK_WARM_UP = "software.amazon.awssdk.core.warmup.SdkWarmUpProvider";

    private static List<String> keeps(Path jarPath) throws IOException {
        List<String> rules = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jarPath.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String name = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                if (name.startsWith("META-INF/services/") && !name.endsWith(SDK_WARM_UP)) {
                    String service = name.substring("META-INF/services/".length());
                    for (String impl : classNames(zip, e)) {
                        rules.add("-if class " + service + " -keep class " + impl + " { <init>(); }");
                    }
                } else if (name.startsWith("software/amazon/awssdk/") && name.endsWith("/execution.interceptors")) {
                    for (String impl : classNames(zip, e)) {
                        rules.add("-keep class " + impl + " { <init>(); }");
                    }
                }
            }
        }
        if (!rules.isEmpty()) {
            rules.add(0, "# from " + jarPath.getFileName());
        }
        return rules;
    }

    private static TreeSet<String> classNames(ZipFile zip, ZipEntry e) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (InputStream in = zip.getInputStream(e)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String name = line.replaceAll("#.*", "").trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
