package dev.ecsiamguard.core.taskdef;

import java.util.List;

/** The explicit catalogue of task definition content rules: no scanning, so what runs is what is listed here. */
public final class TaskDefinitionRules {

    public static final List<TaskDefinitionRule> ALL = List.of(
            new ContainersNotPrivileged(),
            new NetworkModeNotHost(),
            new NetworkModeAwsvpc(),
            new PidModeNotHost(),
            new IpcModeNotHost(),
            new LinuxUserNotRoot(),
            new WindowsUserNotAdministrator(),
            new RootFilesystemReadOnly(),
            new EnvironmentNamesNotSecret(),
            new EnvironmentValuesNotCredentials(),
            new ContainersLogged(),
            new AwslogsOptionsComplete(),
            new LogModeNonBlocking(),
            new ContainerMemoryLimited(),
            new EfsTransitEncrypted(),
            new EfsIamAuthorizationUsable(),
            new ExecutionAndTaskRolesDistinct(),
            new ImageFromAllowedRegistry(),
            new ImagePinned(),
            new LinuxCapabilitiesNotDangerous(),
            new HostMountsNotSensitive(),
            new ExecutionRolePresentWhenNeeded(),
            new SecretReferencesWellFormed(),
            new FamilyRolesPinned());

    private TaskDefinitionRules() {
    }
}
