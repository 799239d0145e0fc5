package dev.ecsiamguard.core.taskdef;

/**
 * A task-level volume: a bind mount from the host ({@code hostSourcePath}), an EFS file system
 * ({@code efs}), or neither (a Docker-managed or task-scoped volume).
 */
public record Volume(String name, String hostSourcePath, EfsVolume efs) {

    public boolean isHostBindMount() {
        return !Texts.isBlank(hostSourcePath);
    }

    /** The EFS settings that decide whether traffic is encrypted and whose identity mounts the file system. */
    public record EfsVolume(
            String fileSystemId,
            String rootDirectory,
            String transitEncryption,
            String iamAuthorization,
            String accessPointId) {

        public boolean transitEncrypted() {
            return "ENABLED".equalsIgnoreCase(transitEncryption);
        }

        public boolean iamEnabled() {
            return "ENABLED".equalsIgnoreCase(iamAuthorization);
        }

        public boolean usesAccessPoint() {
            return !Texts.isBlank(accessPointId);
        }
    }
}
