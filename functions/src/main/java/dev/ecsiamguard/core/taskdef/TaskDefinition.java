package dev.ecsiamguard.core.taskdef;

import java.util.List;
import java.util.Locale;

/**
 * A snapshot of one ECS task definition revision, independent of where it came from (a JSON file or an ECS
 * API response), so that rules never depend on a parser or an SDK. Absent strings are {@code null}.
 *
 * @param arn the task definition ARN, or {@code null} when the source has none (a file before registration)
 * @param revision the revision number, or {@code 0} when unknown
 * @param operatingSystemFamily {@code runtimePlatform.operatingSystemFamily}, or {@code null} (meaning Linux)
 */
public record TaskDefinition(
        String arn,
        String family,
        int revision,
        String networkMode,
        String pidMode,
        String ipcMode,
        List<String> requiresCompatibilities,
        String cpu,
        String memory,
        String executionRoleArn,
        String taskRoleArn,
        String operatingSystemFamily,
        List<Volume> volumes,
        List<ContainerDefinition> containers) {

    public TaskDefinition {
        requiresCompatibilities = List.copyOf(requiresCompatibilities);
        volumes = List.copyOf(volumes);
        containers = List.copyOf(containers);
    }

    /** The ARN when known, else {@code family:revision}, else the family, else a fixed stand-in. */
    public String resourceArn() {
        if (!Texts.isBlank(arn)) {
            return arn;
        }
        if (Texts.isBlank(family)) {
            return "(unnamed task definition)";
        }
        return revision > 0 ? family + ":" + revision : family;
    }

    /** How messages name this task definition: {@code family:revision} or the family alone. */
    public String displayName() {
        if (Texts.isBlank(family)) {
            return Texts.isBlank(arn) ? "(unnamed)" : arn;
        }
        return revision > 0 ? family + ":" + revision : family;
    }

    /** True for WINDOWS_* runtime platforms; an unset platform means Linux. */
    public boolean isWindows() {
        return operatingSystemFamily != null
                && operatingSystemFamily.toUpperCase(Locale.ROOT).startsWith("WINDOWS");
    }

    public boolean requiresFargate() {
        return requiresCompatibilities.stream().anyMatch(c -> c.equalsIgnoreCase("FARGATE"));
    }

    /** True when the task can only run on instances the user manages (EC2 or EXTERNAL), never on Fargate. */
    public boolean runsOnlyOnInstances() {
        return !requiresCompatibilities.isEmpty() && !requiresFargate();
    }

    public boolean hasExecutionRole() {
        return !Texts.isBlank(executionRoleArn);
    }

    public boolean hasTaskRole() {
        return !Texts.isBlank(taskRoleArn);
    }
}
