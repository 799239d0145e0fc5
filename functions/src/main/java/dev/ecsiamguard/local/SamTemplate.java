package dev.ecsiamguard.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads `template.yaml` the way `sam local invoke` needs it: a function's handler, memory, timeout and
 * environment variables (Globals merged with the function's own), with intrinsic functions resolved from
 * parameter defaults, overrides and local pseudo parameters.
 */
public final class SamTemplate {

    private final Map<String, Object> root;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private SamTemplate(Map<String, Object> root, Map<String, String> parameterOverrides, String region) {
        this.root = root;
        map(root.get("Parameters")).forEach((name, spec) -> {
            Object def = map(spec).get("Default");
            parameters.put(name, def == null ? "" : String.valueOf(def));
        });
        parameterOverrides.forEach((k, v) -> {
            if (!parameters.containsKey(k)) {
                throw new IllegalArgumentException("template has no parameter `" + k + "`");
            }
            parameters.put(k, v);
        });
        parameters.put("AWS::Region", region);
        parameters.put("AWS::AccountId", "123456789012");
        parameters.put("AWS::Partition", "aws");
        parameters.put("AWS::StackName", "ecs-iam-guard-local");
    }

    public static SamTemplate load(Path file, Map<String, String> parameterOverrides, String region)
            throws IOException {
        Yaml yaml = new Yaml(new IntrinsicConstructor());
        Object parsed = yaml.load(Files.readString(file));
        if (!(parsed instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("`" + file + "` is not a template (no top-level mapping)");
        }
        return new SamTemplate(map(parsed), parameterOverrides, region);
    }

    /** A function of the template, resolved for a local run. */
    public record Function(String logicalId, String handler, int memoryMb, int timeoutSeconds,
                           Map<String, String> environment) {
    }

    public Function function(String logicalId) {
        Map<String, Object> resource = map(map(root.get("Resources")).get(logicalId));
        if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
            throw new IllegalArgumentException("template has no AWS::Serverless::Function `" + logicalId
                    + "`; functions: " + functionIds());
        }
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        Map<String, Object> props = map(resource.get("Properties"));
        Map<String, String> env = new LinkedHashMap<>();
        map(map(globals.get("Environment")).get("Variables")).forEach((k, v) -> env.put(k, resolve(v)));
        map(map(props.get("Environment")).get("Variables")).forEach((k, v) -> env.put(k, resolve(v)));
        return new Function(logicalId, resolve(props.get("Handler")),
                Integer.parseInt(resolve(props.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 512)))),
                Integer.parseInt(resolve(props.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3)))), env);
    }

    public List<String> functionIds() {
        return map(root.get("Resources")).entrySet().stream()
                .filter(e -> "AWS::Serverless::Function".equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * The EventBridge patterns (as plain maps) that trigger a function: its own `EventBridgeRule` events, and raw
     * `AWS::Events::Rule` resources (needed for states SAM cannot set) whose targets name the function or its alias.
     */
    public List<Map<String, Object>> eventPatterns(String logicalId) {
        Map<String, Object> resources = map(root.get("Resources"));
        Map<String, Object> props = map(map(resources.get(logicalId)).get("Properties"));
        List<Map<String, Object>> patterns = new java.util.ArrayList<>(map(props.get("Events")).values().stream()
                .map(SamTemplate::map).filter(e -> "EventBridgeRule".equals(e.get("Type")))
                .map(e -> map(map(e.get("Properties")).get("Pattern"))).toList());
        resources.values().stream().map(SamTemplate::map).filter(r -> "AWS::Events::Rule".equals(r.get("Type")))
                .map(r -> map(r.get("Properties")))
                .filter(rule -> rule.get("Targets") instanceof List<?> targets
                        && targets.stream().anyMatch(t -> targetsFunction(map(t).get("Arn"), logicalId)))
                .forEach(rule -> patterns.add(map(rule.get("EventPattern"))));
        return patterns;
    }

    // `!GetAtt Fn.Arn`, `!GetAtt [Fn, Arn]`, `!Ref Fn.Alias` or `!Ref Fn` all deliver to the function.
    private static boolean targetsFunction(Object arn, String logicalId) {
        Map<String, Object> m = map(arn);
        Object getAtt = m.get("Fn::GetAtt");
        if (getAtt != null) {
            String target = getAtt instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(getAtt);
            return target.equals(logicalId) || target.startsWith(logicalId + ".");
        }
        Object ref = m.get("Ref");
        return ref != null && (ref.equals(logicalId) || String.valueOf(ref).equals(logicalId + ".Alias"));
    }

    /** A route that invokes a function: a SAM `Api` event's path template and method (upper case). */
    public record ApiEvent(String name, String path, String method, String restApiId) {
    }

    /** The API Gateway routes (SAM `Api` events) that invoke a function. */
    public List<ApiEvent> apiEvents(String logicalId) {
        Map<String, Object> props = map(map(map(root.get("Resources")).get(logicalId)).get("Properties"));
        return map(props.get("Events")).entrySet().stream()
                .filter(e -> "Api".equals(map(e.getValue()).get("Type")))
                .map(e -> {
                    Map<String, Object> p = map(map(e.getValue()).get("Properties"));
                    Object api = map(p.get("RestApiId")).get("Ref");
                    return new ApiEvent(e.getKey(), resolve(p.get("Path")),
                            resolve(p.get("Method")).toUpperCase(java.util.Locale.ROOT),
                            api == null ? "" : String.valueOf(api));
                }).toList();
    }

    public Map<String, Object> raw() {
        return root;
    }

    /** The properties of any resource, for tests that read what the template grants. */
    public Map<String, Object> properties(String logicalId) {
        return map(map(map(root.get("Resources")).get(logicalId)).get("Properties"));
    }

    /**
     * Resolves intrinsic functions anywhere in a tree of maps and lists (e.g. a policy statement): `Fn::If`
     * picks its branch, `AWS::NoValue` drops the key, scalars become strings.
     */
    public Object resolveTree(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            String key = String.valueOf(m.keySet().iterator().next());
            Object arg = m.values().iterator().next();
            if (key.equals("Fn::If")) {
                List<?> args = (List<?>) arg;
                return resolveTree(condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2));
            }
            if (key.equals("Ref") && "AWS::NoValue".equals(arg)) {
                return null;
            }
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return resolve(value);
            }
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                Object resolved = resolveTree(v);
                if (resolved != null) {
                    out.put(String.valueOf(k), resolved);
                }
            });
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(this::resolveTree).filter(java.util.Objects::nonNull).toList();
        }
        return value == null ? null : String.valueOf(value);
    }

    String resolve(Object value) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof Map<?, ?> m) || m.size() != 1) {
            return String.valueOf(value);
        }
        String fn = String.valueOf(m.keySet().iterator().next());
        Object arg = m.values().iterator().next();
        return switch (fn) {
            case "Ref" -> ref(String.valueOf(arg));
            case "Fn::Sub" -> sub(arg);
            case "Fn::If" -> {
                List<?> args = (List<?>) arg;
                yield condition(String.valueOf(args.get(0))) ? resolve(args.get(1)) : resolve(args.get(2));
            }
            case "Fn::Join" -> {
                List<?> args = (List<?>) arg;
                yield String.join(String.valueOf(args.get(0)), Intrinsics.list(args.get(1), this::resolve));
            }
            case "Fn::GetAtt" -> {
                List<?> args = arg instanceof List<?> l ? l : List.of(String.valueOf(arg).split("\\.", 2));
                yield "arn:aws:local:" + parameters.get("AWS::Region") + ":123456789012:" + args.get(0);
            }
            case "Fn::Select" -> Intrinsics.select(arg, this::resolve);
            default -> throw new IllegalArgumentException("local runs cannot resolve `" + fn + "`");
        };
    }

    private String ref(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        Map<String, Object> resource = map(map(root.get("Resources")).get(name));
        if (resource.isEmpty()) {
            throw new IllegalArgumentException("`Ref " + name + "` names neither a parameter nor a resource");
        }
        Object physicalName = map(resource.get("Properties")).get("Name");
        return physicalName == null ? name : resolve(physicalName);
    }

    private String sub(Object arg) {
        String text;
        Map<String, Object> vars = Map.of();
        if (arg instanceof List<?> l) {
            text = String.valueOf(l.get(0));
            vars = map(l.get(1));
        } else {
            text = String.valueOf(arg);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = text.indexOf('}', start);
            out.append(text, i, start);
            String name = text.substring(start + 2, end);
            out.append(vars.containsKey(name) ? resolve(vars.get(name)) : ref(name));
            i = end + 1;
        }
        return out.toString();
    }

    private boolean condition(String name) {
        Object spec = map(root.get("Conditions")).get(name);
        if (spec == null) {
            throw new IllegalArgumentException("template has no condition `" + name + "`");
        }
        return evaluate(spec);
    }

    private boolean evaluate(Object spec) {
        Map<String, Object> m = map(spec);
        if (m.containsKey("Condition")) {
            return condition(String.valueOf(m.get("Condition")));
        }
        String fn = m.keySet().iterator().next();
        List<?> args = (List<?>) m.get(fn);
        return switch (fn) {
            case "Fn::Equals" -> resolve(args.get(0)).equals(resolve(args.get(1)));
            case "Fn::Not" -> !evaluate(args.get(0));
            case "Fn::And" -> args.stream().allMatch(this::evaluate);
            case "Fn::Or" -> args.stream().anyMatch(this::evaluate);
            default -> throw new IllegalArgumentException("local runs cannot evaluate condition function `" + fn
                    + "`");
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Turns CloudFormation's short-form tags (`!Ref X`, `!Sub ...`) into their long form (`{Ref: X}`). */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String fn : List.of("Ref", "Sub", "If", "Not", "Equals", "And", "Or", "GetAtt", "Join", "Select",
                    "Split", "FindInMap", "ImportValue", "GetAZs", "Base64", "Cidr", "Condition")) {
                String longName = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
                yamlConstructors.put(new Tag("!" + fn), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        Object value;
                        if (node instanceof ScalarNode scalar) {
                            value = constructScalar(scalar);
                        } else if (node instanceof SequenceNode seq) {
                            value = constructSequence(seq);
                        } else {
                            value = constructMapping((MappingNode) node);
                        }
                        return Map.of(longName, value);
                    }
                });
            }
        }
    }
}
