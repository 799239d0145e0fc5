package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** packaging/PreloadList.java, as functions/Makefile runs it: the recorded class list, and stored jars. */
class PreloadListToolTest {

    private static final String PROVISIONING = "dev.ecsiamguard.handler.ProvisionOnRepositoryHandler";

    @TempDir
    Path dir;

    @Test
    void record_listsWhatThePrimedInvocationLoads_invocationFirst_withoutPrimingsOwnClasses() throws Exception {
        Path out = dir.resolve("preload.jar");

        String output = record(PROVISIONING, out);

        assertThat(output).contains("preload list of " + PROVISIONING);
        List<String> names;
        try (JarFile jar = new JarFile(out.toFile())) {
            ZipEntry entry = jar.getEntry("ecs-iam-guard/preload/" + PROVISIONING + ".classes");
            assertThat(entry).isNotNull();
            names = List.of(new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        assertThat(names).contains("dev.ecsiamguard.app.ServiceProvisioner",
                "software.amazon.awssdk.services.iam.model.CreateRoleRequest",
                "software.amazon.awssdk.services.ecs.model.CreateClusterResponse");
        assertThat(names).noneMatch(n -> n.contains("/") || n.contains("HandlerPriming") || n.contains("PrimingSamples")
                || n.contains(".aws.priming."));
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        // from the handler's own class on: what loaded before it (the launcher, the tool) is not there
        assertThat(names).contains(PROVISIONING).doesNotContain("PreloadRecorder", "PreloadRecorder$BuildDone");
        // what only an invocation loads (a response's unmarshalling) comes first; the background build's classes
        // (its thread loads them, the verifier included) last
        int invocation = names.indexOf("software.amazon.awssdk.services.ecs.model.CreateClusterResponse");
        assertThat(invocation).isLessThan(names.indexOf("dev.ecsiamguard.app.ServiceProvisioner"))
                .isLessThan(names.indexOf(PROVISIONING));
    }

    @Test
    void record_forTheRoleChangeHandler_whoseHookOnlyWaitsForItsBuild_listsTheBuildsClasses() throws Exception {
        Path out = dir.resolve("preload.jar");

        String output = record("dev.ecsiamguard.handler.RoleChangeHandler", out);

        assertThat(output).contains("preload list of dev.ecsiamguard.handler.RoleChangeHandler");
        assertThat(out).exists();
    }

    @Test
    void record_forAHandlerWithoutPriming_writesNoList() throws Exception {
        Path out = dir.resolve("preload.jar");

        String output = record("dev.ecsiamguard.handler.SweepHandler", out);

        assertThat(output).contains("registers no priming");
        assertThat(out).doesNotExist();
    }

    @Test
    void store_rewritesEveryEntryUncompressed_keepingBytesAndPermissions() throws Exception {
        Path jar = dir.resolve("lib.jar");
        byte[] big = "class bytes ".repeat(1000).getBytes(StandardCharsets.UTF_8);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("a/A.class", "META-INF/services/x.Y", "b/B.class")) {
                out.putNextEntry(new JarEntry(name));
                out.write(big);
                out.closeEntry();
            }
        }
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));

        run("store", jar.toString());

        List<String> names = new ArrayList<>();
        try (JarFile stored = new JarFile(jar.toFile())) {
            for (JarEntry e : Collections.list(stored.entries())) {
                names.add(e.getName());
                assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED);
                assertThat(stored.getInputStream(e).readAllBytes()).isEqualTo(big);
            }
        }
        assertThat(names).containsExactly("a/A.class", "META-INF/services/x.Y", "b/B.class");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jar))).isEqualTo("rw-r--r--");
    }

    /** The tool's record step on this test run's class path (the unshrunk module and its libraries). */
    private static String record(String handler, Path out) throws IOException, InterruptedException {
        return run("record", handler, "packaging/PreloadRecorder.java", out.toString(),
                System.getProperty("java.class.path"));
    }

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "packaging/PreloadList.java"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
