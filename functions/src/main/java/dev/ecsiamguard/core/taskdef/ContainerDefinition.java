package dev.ecsiamguard.core.taskdef;

import java.util.List;

/**
 * One container of a task definition, holding only what the rules look at. Absent strings and numbers are
 * {@code null}; absent booleans take the ECS default (essential true, privileged and read-only root false).
 */
public record ContainerDefinition(
        String name,
        String image,
        boolean essential,
        boolean privileged,
        String user,
        boolean readonlyRootFilesystem,
        Integer memory,
        Integer memoryReservation,
        List<EnvironmentVariable> environment,
        List<EnvironmentFile> environmentFiles,
        List<Secret> secrets,
        String repositoryCredentialsParameter,
        LogConfiguration logConfiguration,
        FirelensConfiguration firelensConfiguration,
        List<String> capabilitiesAdded,
        List<String> capabilitiesDropped,
        List<MountPoint> mountPoints) {

    public ContainerDefinition {
        environment = List.copyOf(environment);
        environmentFiles = List.copyOf(environmentFiles);
        secrets = List.copyOf(secrets);
        capabilitiesAdded = List.copyOf(capabilitiesAdded);
        capabilitiesDropped = List.copyOf(capabilitiesDropped);
        mountPoints = List.copyOf(mountPoints);
    }

    /** How messages name this container; a container without a name is still reported. */
    public String displayName() {
        return Texts.isBlank(name) ? "(unnamed)" : name;
    }

    public boolean hasLogDriver() {
        return logConfiguration != null && !Texts.isBlank(logConfiguration.logDriver());
    }

    /** A plain {@code name=value} variable of the container's {@code environment}. */
    public record EnvironmentVariable(String name, String value) {
    }

    /** An S3 {@code .env} file the agent downloads with the execution role. */
    public record EnvironmentFile(String value, String type) {
    }

    /** A value the agent injects from Secrets Manager or SSM Parameter Store with the execution role. */
    public record Secret(String name, String valueFrom) {
    }

    /** Where a volume appears inside the container. */
    public record MountPoint(String sourceVolume, String containerPath, boolean readOnly) {
    }
}
