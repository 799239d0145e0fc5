package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.taskdef.ContainerDefinition;
import dev.ecsiamguard.core.taskdef.FirelensConfiguration;
import dev.ecsiamguard.core.taskdef.LogConfiguration;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.Volume;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.EFSVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.KernelCapabilities;
import software.amazon.awssdk.services.ecs.model.Secret;

/** Maps the ECS API's task definition model onto the core's records, so rules never see the SDK. */
final class EcsTaskDefinitionMapper {

    private EcsTaskDefinitionMapper() {
    }

    static TaskDefinition toCore(software.amazon.awssdk.services.ecs.model.TaskDefinition td) {
        return new TaskDefinition(
                td.taskDefinitionArn(),
                td.family(),
                td.revision() == null ? 0 : td.revision(),
                td.networkModeAsString(),
                td.pidModeAsString(),
                td.ipcModeAsString(),
                td.requiresCompatibilitiesAsStrings(),
                td.cpu(),
                td.memory(),
                td.executionRoleArn(),
                td.taskRoleArn(),
                td.runtimePlatform() == null ? null : td.runtimePlatform().operatingSystemFamilyAsString(),
                td.volumes().stream().map(EcsTaskDefinitionMapper::volume).toList(),
                td.containerDefinitions().stream().map(EcsTaskDefinitionMapper::container).toList());
    }

    private static ContainerDefinition container(software.amazon.awssdk.services.ecs.model.ContainerDefinition c) {
        KernelCapabilities caps = c.linuxParameters() == null ? null : c.linuxParameters().capabilities();
        return new ContainerDefinition(
                c.name(),
                c.image(),
                c.essential() == null || c.essential(),
                Boolean.TRUE.equals(c.privileged()),
                c.user(),
                Boolean.TRUE.equals(c.readonlyRootFilesystem()),
                c.memory(),
                c.memoryReservation(),
                c.environment().stream()
                        .map(e -> new ContainerDefinition.EnvironmentVariable(e.name(), e.value())).toList(),
                c.environmentFiles().stream()
                        .map(f -> new ContainerDefinition.EnvironmentFile(f.value(), f.typeAsString())).toList(),
                secrets(c.secrets()),
                c.repositoryCredentials() == null ? null : c.repositoryCredentials().credentialsParameter(),
                c.logConfiguration() == null ? null : new LogConfiguration(c.logConfiguration().logDriverAsString(),
                        nonNull(c.logConfiguration().options()), secrets(c.logConfiguration().secretOptions())),
                c.firelensConfiguration() == null ? null : new FirelensConfiguration(
                        c.firelensConfiguration().typeAsString(), nonNull(c.firelensConfiguration().options())),
                caps == null ? List.of() : caps.add(),
                caps == null ? List.of() : caps.drop(),
                c.mountPoints().stream().map(m -> new ContainerDefinition.MountPoint(m.sourceVolume(),
                        m.containerPath(), Boolean.TRUE.equals(m.readOnly()))).toList());
    }

    private static List<ContainerDefinition.Secret> secrets(List<Secret> secrets) {
        return secrets.stream().map(s -> new ContainerDefinition.Secret(s.name(), s.valueFrom())).toList();
    }

    private static Volume volume(software.amazon.awssdk.services.ecs.model.Volume v) {
        EFSVolumeConfiguration efs = v.efsVolumeConfiguration();
        Volume.EfsVolume efsVolume = efs == null ? null : new Volume.EfsVolume(efs.fileSystemId(), efs.rootDirectory(),
                efs.transitEncryptionAsString(),
                efs.authorizationConfig() == null ? null : efs.authorizationConfig().iamAsString(),
                efs.authorizationConfig() == null ? null : efs.authorizationConfig().accessPointId());
        return new Volume(v.name(), v.host() == null ? null : v.host().sourcePath(), efsVolume);
    }

    // Map.copyOf rejects null values; the SDK can return an option without a value.
    private static Map<String, String> nonNull(Map<String, String> map) {
        Map<String, String> out = new java.util.HashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
