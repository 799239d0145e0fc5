package dev.ecsiamguard.core.provision;

import static dev.ecsiamguard.core.json.Json.object;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.spec.ServiceSpec;
import dev.ecsiamguard.core.provision.capability.CapabilityDeclaration;
import dev.ecsiamguard.core.provision.capability.CapabilityScope;
import dev.ecsiamguard.core.provision.capability.TaskRoleCapabilities;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns a service's identity and the configuration into the desired roles, log group and cluster. */
public final class ServiceBlueprint {

    public static final String MANAGED_BY = "ecs-iam-guard";
    public static final String EXECUTION_POLICY_NAME = "ecs-iam-guard-execution";
    public static final String TASK_POLICY_NAME = "ecs-iam-guard-task-capabilities";
    static final String TASK_EXECUTION_MANAGED_POLICY = "policy/service-role/AmazonECSTaskExecutionRolePolicy";

    private final ProvisioningConfig config;
    private final AccountScope scope;

    public ServiceBlueprint(ProvisioningConfig config, AccountScope scope) {
        this.config = config;
        this.scope = scope;
    }

    /** exec and xray only, as before declarations took resources. */
    public DesiredService desired(ServiceIdentity id, Set<TaskRoleCapability> capabilities) {
        return desired(id, capabilities.stream().sorted().map(c -> CapabilityDeclaration.parse(
                c.name().toLowerCase(Locale.ROOT), "capabilities")).toList());
    }

    /** The desired state from the stack's own configuration alone: one region, the configured prefixes. */
    public DesiredService desired(ServiceIdentity id, List<CapabilityDeclaration> capabilities) {
        ServiceSpec spec = ServiceSpec.empty(id.executionRoleName(), id.service(), config.environment())
                .withRegion(scope.region(), id.repositoryName())
                .withCapabilities(TaskRoleCapabilities.texts(capabilities))
                .withSecretsManagerPrefixes(config.secretsManagerPrefix().map(p -> config.expand(p, id.service()))
                        .stream().toList())
                .withSsmParameterPrefixes(config.ssmParameterPrefix().map(p -> config.expand(p, id.service()))
                        .stream().toList());
        return desired(id, spec);
    }

    /**
     * The desired state computed from the service's spec alone: the global roles cover every region of the spec,
     * the log group and cluster are this stack's regional ones. Throws
     * {@link dev.ecsiamguard.core.provision.capability.CapabilityException} for a bad capability declaration.
     */
    public DesiredService desired(ServiceIdentity id, ServiceSpec spec) {
        Map<String, String> serviceTags = Map.of("ManagedBy", MANAGED_BY, "Service", id.service(),
                "Environment", spec.environment());
        String trust = trustPolicy(spec.regions().keySet());
        DesiredRole execution = new DesiredRole(id.executionRoleName(), config.rolePath(),
                "ECS task execution role of " + id.service() + " (pull, logs, secrets)", trust,
                executionInlinePolicies(id, spec), executionManagedPolicies(), config.permissionsBoundaryArn(),
                serviceTags);
        DesiredRole task = new DesiredRole(id.taskRoleName(), config.rolePath(),
                "ECS task role of " + id.service() + " (application permissions)", trust,
                taskInlinePolicies(id, spec), List.of(), config.permissionsBoundaryArn(), serviceTags);
        DesiredLogGroup logGroup = new DesiredLogGroup(id.logGroupName(), config.logRetentionDays(), serviceTags);
        DesiredCluster cluster = new DesiredCluster(config.clusterName(), List.of("FARGATE", "FARGATE_SPOT"),
                List.of(new DesiredCluster.StrategyItem("FARGATE", 1, 1),
                        new DesiredCluster.StrategyItem("FARGATE_SPOT", 0, 1)),
                true, Map.of("ManagedBy", MANAGED_BY, "Environment", config.environment()));
        return new DesiredService(id, execution, task, logGroup, cluster);
    }

    /** ECS tasks may assume the role, only for this account's ECS resources in this region (confused deputy). */
    public String trustPolicy() {
        return trustPolicy(Set.of(scope.region()));
    }

    /** ECS tasks may assume the role, only for this account's ECS resources in these regions. */
    public String trustPolicy(Collection<String> regions) {
        List<String> sourceArns = new TreeSet<>(regions.isEmpty() ? Set.of(scope.region()) : regions).stream()
                .map(region -> in(region).arn("ecs", "*")).toList();
        return Json.write(object("Version", "2012-10-17", "Statement", List.of(object(
                "Sid", "EcsTasksAssumeRole",
                "Effect", "Allow",
                "Principal", object("Service", "ecs-tasks.amazonaws.com"),
                "Action", "sts:AssumeRole",
                "Condition", object(
                        "StringEquals", object("aws:SourceAccount", scope.account()),
                        "ArnLike", object("aws:SourceArn", oneOrMany(sourceArns)))))));
    }

    private List<String> executionManagedPolicies() {
        return config.executionPolicyMode() == ExecutionPolicyMode.MANAGED
                ? List.of("arn:" + scope.partition() + ":iam::aws:" + TASK_EXECUTION_MANAGED_POLICY)
                : List.of();
    }

    private Map<String, String> executionInlinePolicies(ServiceIdentity id, ServiceSpec spec) {
        List<Map<String, Object>> statements = new ArrayList<>();
        Map<String, String> regions = spec.regions().isEmpty()
                ? Map.of(scope.region(), id.repositoryName()) : spec.regions();
        if (config.executionPolicyMode() == ExecutionPolicyMode.SCOPED) {
            statements.add(allow("EcrAuthorizationToken", List.of("ecr:GetAuthorizationToken"), "*"));
            statements.add(allow("EcrPullServiceRepository", List.of("ecr:BatchCheckLayerAvailability",
                    "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"), oneOrMany(perRegion(regions,
                    (region, repository) -> in(region).arn("ecr", "repository/" + repository)))));
            statements.add(allow("LogsServiceLogGroup", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                    oneOrMany(perRegion(regions, (region, repository) -> in(region).arn("logs",
                            "log-group:" + id.logGroupName() + ":*")))));
        }
        List<String> secrets = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        for (String region : regions.keySet()) {
            spec.secretsManagerPrefixes().forEach(p -> secrets.add(in(region).arn("secretsmanager",
                    "secret:" + p + "*")));
            spec.ssmParameterPrefixes().forEach(p -> parameters.add(in(region).arn("ssm",
                    "parameter/" + stripLeadingSlash(p) + "*")));
        }
        if (!secrets.isEmpty()) {
            statements.add(allow("ReadServiceSecrets", List.of("secretsmanager:GetSecretValue"),
                    oneOrMany(secrets)));
        }
        if (!parameters.isEmpty()) {
            statements.add(allow("ReadServiceParameters", List.of("ssm:GetParameters"), oneOrMany(parameters)));
        }
        statements.addAll(SpecExecutionGrants.statements(spec.executionGrants()));
        return statements.isEmpty() ? Map.of() : Map.of(EXECUTION_POLICY_NAME, document(statements));
    }

    // Resource-scoped capabilities cover every region of the service's spec.
    private Map<String, String> taskInlinePolicies(ServiceIdentity id, ServiceSpec spec) {
        List<String> regions = spec.regions().isEmpty() ? List.of(scope.region())
                : List.copyOf(new TreeSet<>(spec.regions().keySet()));
        CapabilityScope capabilityScope = TaskRoleCapabilities.scope(id.service(), scope, regions, config);
        List<CapabilityDeclaration> declared = TaskRoleCapabilities.fromList(spec.capabilities(), "capabilities");
        return TaskRoleCapabilities.policy(declared, capabilityScope)
                .map(doc -> Map.of(TASK_POLICY_NAME, doc)).orElse(Map.of());
    }

    private AccountScope in(String region) {
        return new AccountScope(scope.partition(), scope.account(), region);
    }

    private static List<String> perRegion(Map<String, String> regions,
                                          java.util.function.BiFunction<String, String, String> arn) {
        return new TreeMap<>(regions).entrySet().stream().map(e -> arn.apply(e.getKey(), e.getValue())).toList();
    }

    // One value stays a string, as the single-region layout always wrote it: roles made by earlier versions then
    // match exactly and need no write.
    static Object oneOrMany(List<String> values) {
        return values.size() == 1 ? values.get(0) : List.copyOf(values);
    }

    static Map<String, Object> allow(String sid, List<String> actions, Object resource) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions.size() == 1 ? actions.get(0) : actions);
        statement.put("Resource", resource);
        return statement;
    }

    static String document(List<Map<String, Object>> statements) {
        return Json.write(object("Version", "2012-10-17", "Statement", statements));
    }

    private static String stripLeadingSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }
}
