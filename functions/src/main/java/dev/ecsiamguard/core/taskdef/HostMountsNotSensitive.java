package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/**
 * Bind-mounting the Docker socket or the host's system directories hands the container control of the host,
 * even read-only in the socket's case.
 */
final class HostMountsNotSensitive implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-HOST-MOUNTS",
            Severity.HIGH,
            "Volumes do not bind-mount sensitive host paths",
            "Remove the host volume, or mount a narrow application directory instead.");

    /** Exact paths and, where they end with "/", whole trees. */
    private static final List<String> SENSITIVE = List.of("/", "/var/run/docker.sock", "/run/docker.sock",
            "/var/run/containerd/", "/run/containerd/", "/var/run", "/run", "/var/lib/docker/", "/proc/", "/sys/",
            "/dev/", "/etc/", "/root/", "/boot/", "/var/lib/kubelet/", "/var/lib/ecs/", "/etc/ecs/");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        return td.volumes().stream()
                .filter(v -> v.isHostBindMount() && isSensitive(v.hostSourcePath()))
                .map(v -> Finding.of(METADATA, td.resourceArn(), Names.task(td) + " bind-mounts host path "
                                + v.hostSourcePath().strip() + " as volume " + name(v) + ".")
                        .withFix("Remove volume " + name(v) + " (host sourcePath " + v.hostSourcePath().strip()
                                + ") and the mountPoints that use it."))
                .toList();
    }

    private static String name(Volume v) {
        return Texts.isBlank(v.name()) ? "(unnamed)" : v.name();
    }

    static boolean isSensitive(String sourcePath) {
        String path = sourcePath.strip().replaceAll("/+", "/");
        String withSlash = path.endsWith("/") ? path : path + "/";
        for (String sensitive : SENSITIVE) {
            boolean tree = sensitive.endsWith("/") && !sensitive.equals("/");
            String exact = sensitive.equals("/") ? "/" : sensitive + "/";
            if (tree ? withSlash.startsWith(sensitive) : withSlash.equals(exact)) {
                return true;
            }
        }
        return false;
    }
}
