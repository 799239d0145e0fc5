package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What role rules need besides the task definition: where it lives (partition, region, account), both roles as
 * resolved once, their evaluators built once, and the revision's tags (which carry intent such as ECS Exec).
 */
public final class RoleAnalysisContext {

    private final String partition;
    private final String region;
    private final String account;
    private final RoleResolution execution;
    private final RoleResolution task;
    private final Map<String, String> tags;
    private final PolicyEvaluator executionEvaluator;
    private final PolicyEvaluator taskEvaluator;
    private final boolean rolesSkipped;

    public RoleAnalysisContext(String partition, String region, String account, RoleResolution execution,
                               RoleResolution task, Map<String, String> tags) {
        this(partition, region, account, execution, task, tags, false);
    }

    private RoleAnalysisContext(String partition, String region, String account, RoleResolution execution,
                                RoleResolution task, Map<String, String> tags, boolean rolesSkipped) {
        this.rolesSkipped = rolesSkipped;
        this.partition = partition == null || partition.isBlank() ? "aws" : partition;
        this.region = region;
        this.account = account;
        this.execution = Objects.requireNonNull(execution, "execution");
        this.task = Objects.requireNonNull(task, "task");
        this.tags = Map.copyOf(tags);
        this.executionEvaluator = execution.status() == RoleResolution.Status.FOUND ? execution.role().evaluator()
                : null;
        this.taskEvaluator = task.status() == RoleResolution.Status.FOUND ? task.role().evaluator() : null;
    }

    /**
     * Resolves both roles of the revision through the lookup; a role that is not referenced resolves to unknown.
     *
     * @param defaultRegion used when the task definition ARN does not say (a file before registration), may be null
     */
    public static RoleAnalysisContext resolve(TaskDefinition td, RoleLookup lookup, String account,
                                              String defaultRegion, Map<String, String> tags) {
        RoleResolution exec = td.hasExecutionRole() ? lookup.find(td.executionRoleArn().strip())
                : RoleResolution.unknown("no execution role");
        RoleResolution task = td.hasTaskRole() ? lookup.find(td.taskRoleArn().strip())
                : RoleResolution.unknown("no task role");
        String region = ArnParts.field(td.arn(), 3).or(() -> TaskDefinitionRegion.infer(td)).orElse(defaultRegion);
        String partition = ArnParts.field(td.arn(), 1)
                .or(() -> ArnParts.field(td.executionRoleArn(), 1))
                .or(() -> ArnParts.field(td.taskRoleArn(), 1))
                .orElse("aws");
        return new RoleAnalysisContext(partition, region, account, exec, task, tags, lookup == RoleLookup.SKIPPED);
    }

    /** True when role checks were skipped on purpose (offline, no role source), so unknown roles are expected. */
    public boolean rolesSkipped() {
        return rolesSkipped;
    }

    public String partition() {
        return partition;
    }

    /** The region resources are built in; rules that need it fail (as a rule error) rather than guess. */
    public String region() {
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("the region of the task definition is unknown: pass a default region");
        }
        return region;
    }

    public Optional<String> regionIfKnown() {
        return Optional.ofNullable(region).filter(r -> !r.isBlank());
    }

    /** The account resources are built in; as for the region, never guessed. */
    public String account() {
        if (account == null || account.isBlank()) {
            throw new IllegalStateException("the account of the task definition is unknown: pass an account id");
        }
        return account;
    }

    public Optional<String> accountIfKnown() {
        return Optional.ofNullable(account).filter(a -> !a.isBlank());
    }

    public RoleResolution execution() {
        return execution;
    }

    public RoleResolution task() {
        return task;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** The execution role with its evaluator, when it was found. */
    public Optional<Analyzed> executionRole() {
        return executionEvaluator == null ? Optional.empty()
                : Optional.of(new Analyzed(execution.role(), executionEvaluator));
    }

    /** The task role with its evaluator, when it was found. */
    public Optional<Analyzed> taskRole() {
        return taskEvaluator == null ? Optional.empty() : Optional.of(new Analyzed(task.role(), taskEvaluator));
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>} in this task definition's region. */
    public String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region() + ":" + account() + ":" + resource;
    }

    /** A found role and the evaluator over its permission policies and boundary. */
    public record Analyzed(RoleSnapshot role, PolicyEvaluator evaluator) {
    }
}
