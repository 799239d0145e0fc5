import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import proguard.backport.LambdaExpressionConverter;
import proguard.classfile.AccessConstants;
import proguard.classfile.ClassPool;
import proguard.classfile.Clazz;
import proguard.classfile.ProgramClass;
import proguard.classfile.VersionConstants;
import proguard.classfile.attribute.Attribute;
import proguard.classfile.attribute.visitor.AllAttributeVisitor;
import proguard.classfile.attribute.visitor.AttributeNameFilter;
import proguard.classfile.attribute.visitor.AttributeToClassVisitor;
import proguard.classfile.editor.BootstrapMethodsAttributeShrinker;
import proguard.classfile.io.ProgramClassReader;
import proguard.classfile.io.ProgramClassWriter;
import proguard.classfile.util.ClassReferenceInitializer;
import proguard.classfile.util.ClassSubHierarchyInitializer;
import proguard.classfile.util.ClassSuperHierarchyInitializer;
import proguard.classfile.visitor.ClassAccessFilter;
import proguard.classfile.visitor.ClassPoolFiller;
import proguard.classfile.visitor.ClassVisitor;
import proguard.classfile.visitor.MultiClassVisitor;
import proguard.io.ExtraDataEntryNameMap;
import proguard.io.util.IOUtil;

/**
 * Packaging tool (functions/Makefile runs it on each function's shrunk jars, ProGuard on the class path): turns
 * every lambda expression and method reference of the jars' classes into an ordinary class in the same jar, with
 * ProGuard's own backporting converter, and rewrites the jars in place.
 *
 * <p>Why: a lambda is otherwise spun at run time, on its first use, by {@code LambdaMetafactory} (a class generated
 * and defined per call site). The SDK's model classes create hundreds of them in their static initialisers, on the
 * thread that makes the first call, which made lambda spinning the largest single cost of a plain cold start. As
 * classes in the jar they are read like any other, and handler/ClassPreload.java loads and links them off the main
 * thread.
 *
 * <p>Classes keep their version. The generated classes get Java 8's (the converter writes 1.2's): they may then call
 * a static interface method, and their straight-line methods need no stack map frames (the Makefile's verify step,
 * which runs next, loads and verifies every class). Lambdas inside interfaces are left as they are: for those the
 * converter counts on ProGuard's static-interface-method backport, which does not run here.
 *
 * <p>Usage: {@code java -cp <ProGuard> DesugarLambdas.java <library jars, ':'-separated> <jar>...}
 */
public final class DesugarLambdas {

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: DesugarLambdas.java <library jars, ':'-separated> <jar>...");
        }
        ClassPool library = new ClassPool();
        for (String jar : args[0].split(":")) {
            if (!jar.isEmpty()) {
                IOUtil.read(jar, true).classesAccept(new ClassPoolFiller(library));
            }
        }
        ClassPool program = new ClassPool();
        Map<String, Path> jarOfClass = new HashMap<>();
        List<Path> jars = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            jars.add(Path.of(args[i]));
            readClasses(jars.get(i - 1), program, jarOfClass);
        }
        initialiseReferences(program, library);

        ClassPool hosts = new ClassPool();
        program.classesAccept(new ClassAccessFilter(0, AccessConstants.INTERFACE, withBootstrapMethods(hosts)));
        ClassPool interfaces = new ClassPool();
        program.classesAccept(new ClassAccessFilter(AccessConstants.INTERFACE, 0, withBootstrapMethods(interfaces)));

        Map<String, List<ProgramClass>> lambdaClassesOfHost = new HashMap<>();
        // Where ProGuard's writer would put each new class; not needed here: rewrite() puts it beside its host.
        ExtraDataEntryNameMap extraEntries = new ExtraDataEntryNameMap();
        int converted = 0;
        for (Clazz host : hosts.classes()) {
            List<ProgramClass> created = new ArrayList<>();
            host.accept(new MultiClassVisitor(
                    new LambdaExpressionConverter(program, library, extraEntries, collectInto(created)),
                    new BootstrapMethodsAttributeShrinker(),
                    new ClassReferenceInitializer(program, library)));
            for (ProgramClass lambdaClass : created) {
                lambdaClass.u4version = VersionConstants.CLASS_VERSION_1_8;
            }
            lambdaClassesOfHost.put(host.getName(), created);
            converted += created.size();
        }
        for (Path jar : jars) {
            rewrite(jar, program, jarOfClass, lambdaClassesOfHost);
        }
        System.out.printf("lambdas as classes: %d, from %d classes (%d interfaces with bootstrap methods left as"
                + " they are)%n", converted, hosts.size(), interfaces.size());
    }

    private static void readClasses(Path jar, ClassPool program, Map<String, Path> jarOfClass) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!isClass(entry)) {
                    continue;
                }
                ProgramClass clazz = new ProgramClass();
                try (InputStream in = zip.getInputStream(entry)) {
                    clazz.accept(new ProgramClassReader(new DataInputStream(in)));
                }
                Path other = jarOfClass.putIfAbsent(clazz.getName(), jar);
                if (other != null) {
                    throw new IllegalStateException(clazz.getName() + " is in both " + other + " and " + jar);
                }
                program.addClass(clazz);
            }
        }
    }

    /** What ProGuard's initialisation does for the converter: class hierarchies and resolved references. */
    private static void initialiseReferences(ClassPool program, ClassPool library) {
        program.classesAccept(new ClassSuperHierarchyInitializer(program, library));
        library.classesAccept(new ClassSuperHierarchyInitializer(program, library));
        program.classesAccept(new ClassSubHierarchyInitializer());
        library.classesAccept(new ClassSubHierarchyInitializer());
        program.classesAccept(new ClassReferenceInitializer(program, library));
    }

    private static ClassVisitor withBootstrapMethods(ClassPool into) {
        return new AllAttributeVisitor(new AttributeNameFilter(Attribute.BOOTSTRAP_METHODS,
                new AttributeToClassVisitor(new ClassPoolFiller(into))));
    }

    private static ClassVisitor collectInto(List<ProgramClass> created) {
        return new ClassVisitor() {
            @Override
            public void visitAnyClass(Clazz clazz) {
                throw new IllegalStateException("the converter created a library class: " + clazz.getName());
            }

            @Override
            public void visitProgramClass(ProgramClass clazz) {
                created.add(clazz);
            }
        };
    }

    /** The jar with each class as converted, each host's lambda classes right after it, other entries as they were. */
    private static void rewrite(Path jar, ClassPool program, Map<String, Path> jarOfClass,
            Map<String, List<ProgramClass>> lambdaClassesOfHost) throws IOException {
        Path temporary = jar.resolveSibling(jar.getFileName() + ".desugared");
        try (ZipFile zip = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!isClass(entry)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        put(out, entry.getName(), entry.getTime(), in.readAllBytes());
                    }
                    continue;
                }
                String name = entry.getName().substring(0, entry.getName().length() - ".class".length());
                put(out, entry.getName(), entry.getTime(), bytes(program.getClass(name)));
                for (ProgramClass lambdaClass : lambdaClassesOfHost.getOrDefault(name, List.of())) {
                    put(out, lambdaClass.getName() + ".class", entry.getTime(), bytes(lambdaClass));
                }
            }
        }
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean isClass(ZipEntry entry) {
        return entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")
                && !entry.getName().endsWith("module-info.class");
    }

    private static byte[] bytes(Clazz clazz) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        clazz.accept(new ProgramClassWriter(new DataOutputStream(bytes)));
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, long time, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }
}
