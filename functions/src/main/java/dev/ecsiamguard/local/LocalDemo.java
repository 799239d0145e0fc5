package dev.ecsiamguard.local;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.ecr.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;

/**
 * The main job, locally: against a moto server, deploy what the stack would (the event bus), then replay every
 * sample event in `events/` through the function whose rule matches it, twice, and print what changed.
 * Refuses to run unless `AWS_ENDPOINT_URL` points at 127.0.0.1, since it creates resources. Usage:
 * `LocalDemo [template.yaml] [events] [--parameter Name=Value]... [--also-region region]...`.
 */
public final class LocalDemo {

    private static final String ACCOUNT = "123456789012";

    private final SamTemplate template;
    private final Map<String, String> env;
    private final AwsClients clients;
    private final PrintStream out;
    private final DemoReport report;
    private final EventRoutes routes;

    LocalDemo(SamTemplate template, Map<String, String> env, PrintStream out) {
        this(template, env, out, new DemoReport(out));
    }

    private LocalDemo(SamTemplate template, Map<String, String> env, PrintStream out, DemoReport report) {
        this.template = template;
        this.env = env;
        this.clients = new AwsClients(AwsSettings.fromEnvironment(env));
        this.out = out;
        this.report = report;
        this.routes = EventRoutes.of(template);
    }

    public static void main(String[] args) throws Exception {
        Path templateFile = Path.of(args.length > 0 ? args[0] : "template.yaml");
        Path events = Path.of(args.length > 1 ? args[1] : "events");
        Map<String, String> env = System.getenv();
        String endpoint = env.getOrDefault("AWS_ENDPOINT_URL", "");
        if (!endpoint.startsWith("http://127.0.0.1:")) {
            System.err.println("the local run needs AWS_ENDPOINT_URL=http://127.0.0.1:<port> (a moto server);"
                    + " got `" + endpoint + "`");
            System.exit(2);
        }
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        List<String> otherRegions = new java.util.ArrayList<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (args[i].equals("--also-region")) {
                otherRegions.add(args[i + 1]);
                continue;
            }
            int eq = args[i + 1].indexOf('=');
            parameters.put(args[i + 1].substring(0, eq), args[i + 1].substring(eq + 1));
        }
        SamTemplate template = SamTemplate.load(templateFile, parameters, env.getOrDefault("AWS_REGION", "us-east-1"));
        LocalDemo demo = new LocalDemo(template, env, System.out);
        demo.replayAll(events, endpoint);
        for (String region : otherRegions) {
            demo.alsoIn(region, templateFile, parameters, events);
        }
        System.exit(demo.report.finish() ? 0 : 1);
    }

    boolean run(Path eventsDir, String endpoint) throws Exception {
        replayAll(eventsDir, endpoint);
        return report.finish();
    }

    /**
     * The multi-region case: a stack of the same template in another region (using this stack's spec table)
     * receives the sample repository event of its region, then this region's event is redelivered. Both keep
     * their facet: the second stack adds its region to the shared roles, the redelivery changes nothing.
     */
    void alsoIn(String region, Path templateFile, Map<String, String> parameters, Path eventsDir) throws Exception {
        String home = clients.settings().region().id();
        Map<String, String> regional = new java.util.LinkedHashMap<>(parameters);
        regional.put("SpecTableRegion", home);
        Map<String, String> regionalEnv = new java.util.HashMap<>(env);
        regionalEnv.put("AWS_REGION", region);
        LocalDemo other = new LocalDemo(SamTemplate.load(templateFile, regional, region), regionalEnv, out, report);
        out.println();
        out.println("second stack in " + region + " (SpecTableRegion=" + home + ")");
        other.deployStack();
        Path sample = Path.of("cloudtrail", "ecr-create-repository.json");
        String event = LocalInvoker.read(eventsDir.resolve(sample));
        other.replay(Path.of(region).resolve(sample), event.replace(home, region));
        replay(Path.of(home).resolve(sample), event);
    }

    private void replayAll(Path eventsDir, String endpoint) throws Exception {
        out.println("ecs-iam-guard local run: moto at " + endpoint + ", region "
                + clients.settings().region().id() + ", account 123456789012");
        deployStack();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(eventsDir)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        // The main job's events first, then the on-demand API's requests (which act on what the events built).
        List<Path> apiRequests = files.stream().filter(LocalDemo::isApiRequest).toList();
        for (Path file : files) {
            if (!apiRequests.contains(file)) {
                replay(eventsDir.relativize(file), LocalInvoker.read(file));
            }
        }
        for (Path file : apiRequests) {
            replay(eventsDir.relativize(file), LocalInvoker.read(file));
        }
    }

    /** What a single local invocation needs first: the stack's bus, and what the event says the user did. */
    void prepareFor(String eventJson) {
        deployStack();
        JsonNode event = JsonNode.parser().parse(eventJson);
        if (event.isObject() && !event.asObject().containsKey("httpMethod")) {
            actAsTheUser(event);
        }
    }

    private void deployStack() {
        for (String id : template.functionIds()) {
            deploySpecTable(template.function(id).environment());
            deployRoleUsageTable(template.function(id).environment().get("ROLE_USAGE_TABLE"));
            String bus = template.function(id).environment().get("EVENT_BUS_NAME");
            if (bus != null && !bus.isBlank()) {
                try {
                    clients.eventBridge().createEventBus(r -> r.name(bus));
                    out.println("deployed event bus " + bus);
                } catch (ResourceAlreadyExistsException exists) {
                    // deployed by an earlier function of the template
                }
            }
        }
    }

    // The table exists once per account: created by the stack that owns it, found by every other one.
    private void deploySpecTable(Map<String, String> functionEnv) {
        String table = functionEnv.get("SPEC_TABLE");
        String region = functionEnv.getOrDefault("SPEC_TABLE_REGION", "");
        if (table == null || table.isBlank()) {
            return;
        }
        try {
            clients.dynamoDb(software.amazon.awssdk.regions.Region.of(region.isBlank()
                    ? clients.settings().region().id() : region)).createTable(r -> r.tableName(table)
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .billingMode("PAY_PER_REQUEST"));
            out.println("deployed spec table " + table + " in " + (region.isBlank() ? "this region" : region));
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceInUseException exists) {
            // created by an earlier function, or by the stack of another region
        }
    }

    private void deployRoleUsageTable(String table) {
        if (table != null && !table.isBlank() && LocalTables.createRoleUsageTable(clients.dynamoDb(), table)) {
            out.println("deployed table " + table);
        }
    }

    private void replay(Path name, String sampleJson) throws Exception {
        String eventJson = DemoSecrets.created(sampleJson, ACCOUNT, clients.settings().region().id(),
                clients.secretsManager());
        JsonNode event;
        try {
            event = JsonNode.parser().parse(eventJson);
        } catch (RuntimeException e) {
            report.unreadable(name, e.getMessage());
            return;
        }
        boolean api = event.isObject() && event.asObject().containsKey("httpMethod");
        String functionId = api
                ? template.functionIds().stream().filter(id -> routes(id, event)).findFirst().orElse(null)
                : routes.functionsFor(eventJson).stream().findFirst().orElse(null);
        if (functionId == null) {
            report.unmatched(name, api);
            return;
        }
        actAsTheUser(event);
        SamTemplate.Function function = template.function(functionId);
        Map<String, String> functionEnv = LocalInvoker.environment(function, env, Map.of());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        JsonNode first = JsonNode.parser().parse(LocalInvoker.invokeInProcess(function, functionEnv, eventJson,
                logStream));
        JsonNode second = JsonNode.parser().parse(LocalInvoker.invokeInProcess(function, functionEnv, eventJson,
                logStream));
        if (api) {
            report.answered(name, functionId, first, second);
        } else {
            report.invoked(name, functionId, first, second);
        }
    }

    // API Gateway hands a function the requests of its routes: the event's `resource` and `httpMethod`.
    private boolean routes(String functionId, JsonNode event) {
        String resource = text(event, "resource");
        String method = text(event, "httpMethod");
        return template.apiEvents(functionId).stream()
                .anyMatch(e -> e.path().equals(resource) && e.method().equalsIgnoreCase(String.valueOf(method)));
    }

    private static boolean isApiRequest(Path file) {
        try {
            JsonNode node = JsonNode.parser().parse(Files.readString(file));
            return node.isObject() && node.asObject().containsKey("httpMethod");
        } catch (Exception unreadable) {
            return false;
        }
    }

    // The sample events record something a user did (created a repository, registered a task definition); do it in
    // moto before delivering.
    private void actAsTheUser(JsonNode event) {
        JsonNode detail = event.field("detail").orElse(null);
        if (detail != null && "RegisterTaskDefinition".equals(text(detail, "eventName"))
                && detail.field("errorCode").isEmpty()) {
            registerTaskDefinition(detail);
            return;
        }
        if (detail == null || !"CreateRepository".equals(text(detail, "eventName"))
                || detail.field("errorCode").isPresent()) {
            return;
        }
        JsonNode request = detail.field("requestParameters").orElse(null);
        String name = request == null ? null : text(request, "repositoryName");
        if (name == null) {
            return;
        }
        List<Tag> tags = request.field("tags").map(JsonNode::asArray).orElse(List.of()).stream()
                .map(t -> Tag.builder().key(text(t, "key")).value(text(t, "value")).build()).toList();
        try {
            clients.ecr().createRepository(r -> r.repositoryName(name).tags(tags));
        } catch (RuntimeException invalidOrExisting) {
            // an invalid name is what the event tests; an existing repository was created by an earlier event
        }
    }

    // Registers the revision the event describes; the roles are whatever exists (the provisioning events before it
    // created those of payments-api), so missing roles show up as findings.
    private void registerTaskDefinition(JsonNode detail) {
        JsonNode request = detail.field("requestParameters").filter(JsonNode::isObject).orElse(null);
        if (request == null || request.field("containerDefinitions").isEmpty()) {
            return;
        }
        try {
            clients.ecs().registerTaskDefinition(TaskDefinitionRequests.fromCloudTrail(request));
        } catch (RuntimeException invalid) {
            // what the event tests is an invalid request: the function rejects it without this revision
        }
    }

    private static String text(JsonNode node, String field) {
        return node.field(field).filter(JsonNode::isString).map(JsonNode::asString).orElse(null);
    }
}
