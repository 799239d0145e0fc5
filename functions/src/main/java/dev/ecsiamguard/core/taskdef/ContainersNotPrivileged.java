package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** A privileged container has root on the host, so one compromised process owns every task on the instance. */
final class ContainersNotPrivileged implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-PRIVILEGED",
            Severity.HIGH,
            "Containers run without privileged mode",
            "Remove \"privileged\": true, or add only the Linux capabilities the container needs.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        return td.containers().stream()
                .filter(ContainerDefinition::privileged)
                .map(c -> Finding.of(METADATA, td.resourceArn(), Names.container(td, c) + " runs privileged.")
                        .withFix("Set \"privileged\": false on container " + c.displayName() + "."))
                .toList();
    }
}
