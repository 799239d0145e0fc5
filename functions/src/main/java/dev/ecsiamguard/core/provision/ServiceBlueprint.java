package dev.ecsiamguard.core.provision;

import static dev.ecsiamguard.core.json.Json.object;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.remediate.ExecutionGrant;
import dev.ecsiamguard.core.remediate.ExecutionGrants;
import dev.ecsiamguard.core.provision.capability.CapabilityDeclaration;
import dev.ecsiamguard.core.provision.capability.CapabilityScope;
import dev.ecsiamguard.core.provision.capability.TaskRoleCapabilities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
                c.name().toLowerCase(java.util.Locale.ROOT), "capabilities")).toList());
    }

    /** Throws {@link dev.ecsiamguard.core.provision.capability.CapabilityException} for a bad declaration. */
    public DesiredService desired(ServiceIdentity id, List<CapabilityDeclaration> capabilities) {
        Map<String, String> serviceTags = Map.of("ManagedBy", MANAGED_BY, "Service", id.service(),
                "Environment", config.environment());
        DesiredRole execution = new DesiredRole(id.executionRoleName(), config.rolePath(),
                "ECS task execution role of " + id.service() + " (pull, logs, secrets)", trustPolicy(),
                executionInlinePolicies(id), executionManagedPolicies(), config.permissionsBoundaryArn(), serviceTags);
        DesiredRole task = new DesiredRole(id.taskRoleName(), config.rolePath(),
                "ECS task role of " + id.service() + " (application permissions)", trustPolicy(),
                taskInlinePolicies(id, capabilities), List.of(), config.permissionsBoundaryArn(), serviceTags);
        DesiredLogGroup logGroup = new DesiredLogGroup(id.logGroupName(), config.logRetentionDays(), serviceTags);
        DesiredCluster cluster = new DesiredCluster(config.clusterName(), List.of("FARGATE", "FARGATE_SPOT"),
                List.of(new DesiredCluster.StrategyItem("FARGATE", 1, 1),
                        new DesiredCluster.StrategyItem("FARGATE_SPOT", 0, 1)),
                true, Map.of("ManagedBy", MANAGED_BY, "Environment", config.environment()));
        return new DesiredService(id, execution, task, logGroup, cluster);
    }

    /**
     * The same service with remediation's recorded grants kept on its execution role, as their own inline
     * policy, so provisioning neither reverts them nor reports them as someone else's.
     */
    public static DesiredService withExecutionGrants(DesiredService desired, List<ExecutionGrant> grants) {
        if (grants.isEmpty()) {
            return desired;
        }
        DesiredRole e = desired.executionRole();
        Map<String, String> inline = new LinkedHashMap<>(e.inlinePolicies());
        inline.put(ExecutionGrants.POLICY_NAME, ExecutionGrants.document(grants));
        DesiredRole execution = new DesiredRole(e.name(), e.path(), e.description(), e.trustPolicy(), inline,
                e.managedPolicyArns(), e.boundaryArn(), e.tags());
        return new DesiredService(desired.identity(), execution, desired.taskRole(), desired.logGroup(),
                desired.cluster());
    }

    /** ECS tasks may assume the role, only for this account's ECS resources in this region (confused deputy). */
    public String trustPolicy() {
        return Json.write(object("Version", "2012-10-17", "Statement", List.of(object(
                "Sid", "EcsTasksAssumeRole",
                "Effect", "Allow",
                "Principal", object("Service", "ecs-tasks.amazonaws.com"),
                "Action", "sts:AssumeRole",
                "Condition", object(
                        "StringEquals", object("aws:SourceAccount", scope.account()),
                        "ArnLike", object("aws:SourceArn", scope.arn("ecs", "*")))))));
    }

    private List<String> executionManagedPolicies() {
        return config.executionPolicyMode() == ExecutionPolicyMode.MANAGED
                ? List.of("arn:" + scope.partition() + ":iam::aws:" + TASK_EXECUTION_MANAGED_POLICY)
                : List.of();
    }

    private Map<String, String> executionInlinePolicies(ServiceIdentity id) {
        List<Map<String, Object>> statements = new ArrayList<>();
        if (config.executionPolicyMode() == ExecutionPolicyMode.SCOPED) {
            statements.add(allow("EcrAuthorizationToken", List.of("ecr:GetAuthorizationToken"), "*"));
            statements.add(allow("EcrPullServiceRepository", List.of("ecr:BatchCheckLayerAvailability",
                    "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                    scope.arn("ecr", "repository/" + id.repositoryName())));
            statements.add(allow("LogsServiceLogGroup", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                    scope.arn("logs", "log-group:" + id.logGroupName() + ":*")));
        }
        config.secretsManagerPrefix().ifPresent(prefix -> statements.add(allow("ReadServiceSecrets",
                List.of("secretsmanager:GetSecretValue"),
                scope.arn("secretsmanager", "secret:" + config.expand(prefix, id.service()) + "*"))));
        config.ssmParameterPrefix().ifPresent(prefix -> statements.add(allow("ReadServiceParameters",
                List.of("ssm:GetParameters"),
                scope.arn("ssm", "parameter/" + stripLeadingSlash(config.expand(prefix, id.service())) + "*"))));
        return statements.isEmpty() ? Map.of() : Map.of(EXECUTION_POLICY_NAME, document(statements));
    }

    // The service's regions are the stack's own until a service declares more.
    private Map<String, String> taskInlinePolicies(ServiceIdentity id, List<CapabilityDeclaration> capabilities) {
        CapabilityScope capabilityScope = TaskRoleCapabilities.scope(id.service(), scope, List.of(scope.region()),
                config);
        return TaskRoleCapabilities.policy(capabilities, capabilityScope)
                .map(doc -> Map.of(TASK_POLICY_NAME, doc)).orElse(Map.of());
    }

    private static Map<String, Object> allow(String sid, List<String> actions, String resource) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions.size() == 1 ? actions.get(0) : actions);
        statement.put("Resource", resource);
        return statement;
    }

    private static String document(List<Map<String, Object>> statements) {
        return Json.write(object("Version", "2012-10-17", "Statement", statements));
    }

    private static String stripLeadingSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }
}
