import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Per-function SDK trimming for functions/Makefile, run as a single source file. Three reasons a package carried
 * whole SDK service models, found with ProGuard's -whyareyoukeeping:
 * <ul>
 *   <li>every service jar was an input of every function, although each function calls only some services;</li>
 *   <li>the SDK's request pipeline calls {@code toBuilder()} and {@code build()} through its generic request and
 *       builder types, which makes ProGuard keep every request class of a service (each request and its builder
 *       create each other), with every structure those requests name, even for operations nothing sends;</li>
 *   <li>DynamoDB's and S3's endpoint resolver utilities name almost every request class of their service (one
 *       branch per operation reads its table or bucket), which kept those request classes in every package.</li>
 * </ul>
 * <p>`libs <classes dir> <base filter> <out dir> <service>... -- <jar>...` prints the ProGuard -injars/-outjars
 * lines of one function: jars of services it does not list become -libraryjars (resolved, never packaged), and
 * the listed services' jars leave out the request classes of operations that no code of the module sends and
 * that only the service's own client, marshaller and paginator classes refer to.
 * <p>`check <out jar>...` fails (exit 1) when a packaged class refers to an SDK service whose jar is not in the
 * package: that function's service list in functions/Makefile misses it.
 */
public final class SdkTrim {

    private static final Pattern SERVICE = Pattern.compile("^software/amazon/awssdk/services/([a-z0-9]+)/");
    private static final Pattern MARSHALLER = Pattern.compile("/transform/([A-Za-z0-9]+)RequestMarshaller\\.class$");

    private SdkTrim() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 4 && args[0].equals("libs")) {
            List<String> list = new ArrayList<>(List.of(args));
            int reachedAt = list.indexOf("--reached");
            Path reached = reachedAt < 0 ? null : Path.of(list.get(reachedAt + 1));
            if (reached != null) {
                list.subList(reachedAt, reachedAt + 2).clear();
            }
            int split = list.indexOf("--");
            Set<String> services = new TreeSet<>(list.subList(4, split));
            Set<String> names = reached == null ? classesNamed(Path.of(args[1])) : reachedNames(reached);
            for (String jar : list.subList(split + 1, list.size())) {
                libs(Path.of(jar), args[2], args[3], services, names).forEach(System.out::println);
            }
        } else if (args.length >= 2 && args[0].equals("check")) {
            System.exit(check(List.of(args).subList(1, args.length)));
        } else {
            System.err.println("usage: SdkTrim libs <classes> <filter> <out> <service>... [--reached <dir>]"
                    + " -- <jar>... | check <jar>...");
            System.exit(2);
        }
    }

    private static List<String> libs(Path jar, String baseFilter, String outDir, Set<String> services,
                                     Set<String> moduleNames) throws IOException {
        String service = serviceOf(jar);
        if (service != null && !services.contains(service)) {
            return List.of("-libraryjars '" + jar + "'", "-dontwarn software.amazon.awssdk.services." + service
                    + ".**");
        }
        String base = "software/amazon/awssdk/services/" + service + "/";
        if (service != null && moduleNames.stream().noneMatch(n -> n.startsWith(base))) {  // e.g. after pass 1
            System.err.println("warning: the function lists SDK service " + service + " but reaches none of it");
        }
        List<String> unused = service == null ? List.of() : unusedRequests(jar, service, moduleNames);
        StringBuilder filter = new StringBuilder(baseFilter);
        List<String> lines = new ArrayList<>();
        for (String request : unused) {
            filter.append(",!").append(request).append(".class,!").append(request).append("$*.class");
            lines.add("-dontwarn " + request.replace('/', '.') + "," + request.replace('/', '.') + "$*");
        }
        lines.add(0, "-injars '" + jar + "'(" + filter + ")");
        lines.add(1, "-outjars '" + outDir + "/" + jar.getFileName() + "'");
        if (!unused.isEmpty()) {
            lines.add(2, "# " + service + ": request classes of " + unused.size() + " operations nothing sends");
        }
        return lines;
    }

    // Whether the module may send an operation: a call of the client's method names the operation's response
    // class in its descriptor (whichever overload: request or Consumer of its builder), building a request names
    // the request class, a paginator names its own class. (The operation's name alone is no evidence: CloudTrail
    // event names such as "CreateService" are strings of the module too.)
    private static boolean sends(Set<String> moduleClasses, String base, String op) {
        return moduleClasses.contains(base + "model/" + op + "Request")
                || moduleClasses.contains(base + "model/" + op + "Response")
                || moduleClasses.stream().anyMatch(c -> c.startsWith(base + "paginators/" + op));
    }

    /** The request classes (path without .class) of operations the module never sends, nor the SDK itself. */
    private static List<String> unusedRequests(Path jar, String service, Set<String> moduleNames) throws IOException {
        String base = "software/amazon/awssdk/services/" + service + "/";
        Set<String> candidates = new TreeSet<>();
        List<String[]> classes = new ArrayList<>();  // class name, then every string of its constant pool
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                Matcher m = MARSHALLER.matcher(e.getName());
                if (m.find() && e.getName().startsWith(base) && !sends(moduleNames, base, m.group(1))) {
                    candidates.add(m.group(1));
                }
                if (e.getName().endsWith(".class")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        List<String> strings = strings(in);
                        strings.add(0, e.getName().substring(0, e.getName().length() - 6));
                        classes.add(strings.toArray(new String[0]));
                    }
                }
            }
        }
        // One pass over every string: which request types each class names (as a class, in a descriptor or as
        // an enclosing class), and whether that class is one that may name it.
        Pattern named = Pattern.compile(Pattern.quote(base + "model/") + "([A-Za-z0-9]+)Request(?=$|[;$<])");
        Set<String> referredElsewhere = new HashSet<>();
        for (String[] c : classes) {
            for (int i = 1; i < c.length; i++) {
                Matcher m = named.matcher(c[i]);
                while (m.find()) {
                    String op = m.group(1);
                    if (candidates.contains(op) && !clientSurface(c[0], base, op)) {
                        referredElsewhere.add(op);
                    }
                }
            }
        }
        return candidates.stream().filter(op -> !referredElsewhere.contains(op))
                .map(op -> base + "model/" + op + "Request").toList();
    }

    // The classes that mention every request of a service without needing it unless its operation is called.
    // The endpoint resolver utilities (DynamoDB's and S3's name almost every request) switch on the name of the
    // operation in flight and only then cast the request to its class to read its context parameters: a branch
    // of an operation nothing sends never runs, and the JVM resolves a checkcast's class only when it runs (they
    // use no instanceof on requests; `PackageTool verify` loads and verifies them without the dropped classes).
    private static boolean clientSurface(String name, String base, String op) {
        if (!name.startsWith(base)) {
            return false;
        }
        String local = name.substring(base.length());
        return (local.matches("[A-Za-z0-9]*Client(\\$.*)?")
                || local.matches("endpoints/internal/[A-Za-z0-9]*EndpointResolverUtils")
                || local.equals("model/" + op + "Request") || local.startsWith("model/" + op + "Request$")
                || local.equals("transform/" + op + "RequestMarshaller") || local.startsWith("paginators/" + op));
    }

    private static int check(List<String> jars) throws IOException {
        Set<String> packaged = new TreeSet<>();
        for (String jar : jars) {
            String service = serviceOf(Path.of(jar));
            if (service != null) {
                packaged.add(service);
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String jar : jars) {
            try (ZipFile zip = new ZipFile(jar)) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    if (!e.getName().endsWith(".class")) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(e)) {
                        for (String s : classNames(in)) {
                            Matcher m = SERVICE.matcher(s);
                            if (m.find() && !packaged.contains(m.group(1))) {
                                missing.add(m.group(1) + " (" + e.getName() + " names " + s + ")");
                            }
                        }
                    }
                }
            }
        }
        missing.forEach(m -> System.out.println("MISSING SDK SERVICE " + m));
        System.out.println("SDK services packaged: " + packaged + (missing.isEmpty() ? "" : "; some are missing"));
        return missing.isEmpty() ? 0 : 1;
    }

    /** The service a jar holds (the package under software/amazon/awssdk/services/), or null. */
    private static String serviceOf(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                Matcher m = SERVICE.matcher(e.getName());
                if (m.find() && e.getName().endsWith("Client.class")) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    /** Every class the module's class files name: as a class constant or inside a descriptor or signature. */
    private static Set<String> classesNamed(Path classes) throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                try (InputStream in = Files.newInputStream(f)) {
                    addClassesNamed(strings(in), names);
                }
            }
        }
        return names;
    }

    /**
     * What one function's first ProGuard pass (functions/Makefile) kept: the classes its kept non-SDK classes
     * name, and for each operation whose marshaller survived (only the client's method of that operation creates
     * it, so the handler can send it) the name of its request class. The second pass packages no other request.
     */
    private static Set<String> reachedNames(Path pass) throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> jars = Files.list(pass)) {
            for (Path jar : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
                boolean sdkService = serviceOf(jar) != null;
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (ZipEntry e : Collections.list(zip.entries())) {
                        Matcher m = MARSHALLER.matcher(e.getName());
                        Matcher svc = SERVICE.matcher(e.getName());
                        if (sdkService && m.find() && svc.find()) {
                            names.add(svc.group() + "model/" + m.group(1) + "Request");
                        } else if (!sdkService && e.getName().endsWith(".class")) {
                            try (InputStream in = zip.getInputStream(e)) {
                                addClassesNamed(strings(in), names);
                            }
                        }
                    }
                }
            }
        }
        return names;
    }

    private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([A-Za-z0-9_$/]+)[;<]");

    private static void addClassesNamed(List<String> strings, Set<String> names) {
        for (String s : strings) {
            names.add(s);
            for (Matcher m = IN_DESCRIPTOR.matcher(s); m.find(); ) {
                names.add(m.group(1));
            }
        }
    }


    /** The UTF-8 entries of a class file's constant pool (class and member names, descriptors, signatures). */
    private static List<String> strings(InputStream in) throws IOException {
        return pool(in, false);
    }

    /** The classes a class file's constant pool refers to (CONSTANT_Class entries). */
    private static List<String> classNames(InputStream in) throws IOException {
        return pool(in, true);
    }

    private static List<String> pool(InputStream in, boolean classesOnly) throws IOException {
        DataInputStream data = new DataInputStream(in);
        data.readInt();
        data.readUnsignedShort();
        data.readUnsignedShort();
        int count = data.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = data.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = data.readUTF();
                case 7 -> classes.add(data.readUnsignedShort());
                case 8, 16, 19, 20 -> data.skipBytes(2);
                case 15 -> data.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                case 5, 6 -> {
                    data.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> strings = new ArrayList<>();
        if (classesOnly) {
            classes.forEach(index -> strings.add(utf8[index]));
        } else {
            for (String s : utf8) {
                if (s != null) {
                    strings.add(s);
                }
            }
        }
        return strings;
    }
}
