package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Some Linux capabilities are as good as root on the host: adding them undoes the container's isolation. */
final class LinuxCapabilitiesNotDangerous implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-LINUX-CAPS",
            Severity.HIGH,
            "Containers add no host-level Linux capabilities",
            "Remove the capability from linuxParameters.capabilities.add, or run the task on isolated capacity.");

    static final Set<String> DANGEROUS = Set.of("ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO",
            "SYS_BOOT", "SYS_TIME", "NET_ADMIN", "DAC_READ_SEARCH", "BPF", "PERFMON", "MAC_ADMIN", "MAC_OVERRIDE");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        return td.containers().stream()
                .filter(c -> !dangerous(c).isEmpty())
                .map(c -> Finding.of(METADATA, td.resourceArn(), Names.container(td, c) + " adds Linux capabilities "
                                + String.join(", ", dangerous(c)) + ".")
                        .withFix("Remove " + String.join(", ", dangerous(c))
                                + " from \"linuxParameters\".\"capabilities\".\"add\" of container "
                                + c.displayName() + "."))
                .toList();
    }

    private static List<String> dangerous(ContainerDefinition c) {
        return c.capabilitiesAdded().stream()
                .map(cap -> cap.strip().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""))
                .filter(DANGEROUS::contains)
                .distinct()
                .toList();
    }
}
