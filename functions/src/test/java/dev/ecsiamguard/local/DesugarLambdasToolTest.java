package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * packaging/DesugarLambdas.java, as functions/Makefile runs it (ProGuard on its class path): every kind of lambda
 * and method reference becomes a class in the jar, and the code behaves as before.
 */
class DesugarLambdasToolTest {

    /** Java 8 like the SDK's classes, and Java 17 (nest mates, records) like this module's. */
    private static final String FIXTURE = """
            package fixture;
            import java.util.*;
            import java.util.function.*;
            public class Lambdas {
                private final String prefix;
                public Lambdas(String prefix) { this.prefix = prefix; }
                private static String twice(String s) { return s + s; }
                private String withPrefix(String s) { return prefix + s; }
                private Lambdas(int n) { this.prefix = "#" + n; }
                public static Object[] functions() {
                    String local = "captured";
                    long wide = 40L;
                    return new Object[] {
                        (Supplier<String>) () -> "constant",
                        (Function<String, String>) s -> s + "-" + local,
                        (Function<String, String>) Lambdas::twice,
                        (Function<String, String>) new Lambdas("p:")::withPrefix,
                        (Supplier<List<String>>) ArrayList::new,
                        (IntFunction<Lambdas>) Lambdas::new,
                        (ToIntFunction<Integer>) Integer::intValue,
                        (IntFunction<Object>) i -> i + wide,
                        (Function<String, Integer>) String::length,
                        (Runnable & java.io.Serializable) () -> { },
                    };
                }
                @SuppressWarnings("unchecked")
                public static String run() {
                    Object[] f = functions();
                    List<String> list = ((Supplier<List<String>>) f[4]).get();
                    list.add("ccc"); list.add("a"); list.add("bb");
                    list.sort(Comparator.comparing((Function<String, Integer>) f[8]));
                    ((Runnable) f[9]).run();
                    return String.join(",", ((Supplier<String>) f[0]).get(), ((Function<String, String>) f[1]).apply("x"),
                        ((Function<String, String>) f[2]).apply("ab"), ((Function<String, String>) f[3]).apply("q"),
                        ((IntFunction<Lambdas>) f[5]).apply(7).prefix, String.valueOf(((ToIntFunction<Integer>) f[6])
                        .applyAsInt(5)), String.valueOf(((IntFunction<Object>) f[7]).apply(2)), list.toString(),
                        new WithDefault() { }.hello().get());
                }
                public interface WithDefault { default Supplier<String> hello() { return () -> "from interface"; } }
            }
            """;
    private static final String EXPECTED = "constant,x-captured,abab,p:q,#7,5,42,[a, bb, ccc],from interface";

    @TempDir
    static Path tools;

    private static String proguardClassPath;
    private static Path jdkClasses;

    @TempDir
    Path dir;

    @BeforeAll
    static void resolveProguard() throws Exception {
        Path out = tools.resolve("tools.classpath");
        run(List.of("mvn", "-q", "-B", "-f", "packaging/pom.xml", "dependency:build-classpath",
                "-Dmdep.outputFile=" + out));
        proguardClassPath = Files.readString(out).trim();
        // the library: the JDK's own classes, as the Makefile's jdk.jar gives them
        jdkClasses = tools.resolve("jdk.jar");
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "packaging/PackageTool.java", "jdk", jdkClasses.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "17"})
    void everyLambdaAndMethodReference_becomesAClassInTheJar_andBehavesAsBefore(String release) throws Exception {
        Path original = compileFixture(release);
        Path converted = dir.resolve("converted.jar");
        Files.copy(original, converted);

        String output = desugar(converted);

        assertThat(output).contains("lambdas as classes: 10, from 1 classes (1 interfaces with bootstrap methods");
        List<String> added = new ArrayList<>(entries(converted));
        added.removeAll(entries(original));
        assertThat(added).hasSize(10).allMatch(n -> n.startsWith("fixture/Lambdas$$Lambda$") && n.endsWith(".class"));
        assertThat(classBytes(converted, "fixture/Lambdas")).doesNotContain("LambdaMetafactory");
        // the interface keeps its lambda (see the tool's comment)
        assertThat(classBytes(converted, "fixture/Lambdas$WithDefault")).contains("LambdaMetafactory");

        try (URLClassLoader before = loader(original); URLClassLoader after = loader(converted)) {
            assertThat(call(before, "run")).isEqualTo(EXPECTED);
            assertThat(call(after, "run")).isEqualTo(EXPECTED);
            // spun at run time before, hidden classes; ordinary classes from the jar after
            assertThat(Stream.of((Object[]) call(before, "functions"))).allMatch(f -> f.getClass().isHidden());
            assertThat(Stream.of((Object[]) call(after, "functions")))
                    .noneMatch(f -> f.getClass().isHidden())
                    .allMatch(f -> f.getClass().getClassLoader() == after);
        }
    }

    @Test
    void withoutJars_failsWithItsUsage() throws Exception {
        Process process = new ProcessBuilder(javaCommand("only-the-library.jar")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isNotZero();
        assertThat(output).contains("usage: DesugarLambdas.java");
    }

    private Path compileFixture(String release) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/fixture"));
        Files.writeString(sources.resolve("Lambdas.java"), FIXTURE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", release,
                "-d", classes.toString(), sources.resolve("Lambdas.java").toString());
        assertThat(status).isZero();
        Path jar = dir.resolve("original.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String desugar(Path jar) throws Exception {
        return run(javaCommand(jdkClasses.toString(), jar.toString()));
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", proguardClassPath, "packaging/DesugarLambdas.java"));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
        }
    }

    private static String classBytes(Path jar, String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return new String(file.getInputStream(file.getEntry(name + ".class")).readAllBytes(),
                    StandardCharsets.ISO_8859_1);
        }
    }

    private static URLClassLoader loader(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static Object call(ClassLoader loader, String method) throws Exception {
        Method m = Class.forName("fixture.Lambdas", true, loader).getMethod(method);
        return m.invoke(null);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
