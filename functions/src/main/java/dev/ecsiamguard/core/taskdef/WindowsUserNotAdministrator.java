package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** On Windows the administrator account plays root's part: containers should run as a plain user. */
final class WindowsUserNotAdministrator implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-WINDOWS-ADMIN",
            Severity.MEDIUM,
            "Windows containers run as a non-administrator user",
            "Set \"user\" to a non-administrator account such as \"ContainerUser\".");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        if (!td.isWindows()) {
            return List.of();
        }
        return td.containers().stream()
                .filter(c -> Texts.isBlank(c.user()) || c.user().strip().equalsIgnoreCase("containeradministrator"))
                .map(c -> Finding.of(METADATA, td.resourceArn(), Names.container(td, c)
                                + " runs as the container administrator.")
                        .withFix("Set \"user\": \"ContainerUser\" on container " + c.displayName() + "."))
                .toList();
    }
}
