package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/**
 * Only awsvpc gives a task its own interface and security groups; on instances the user manages other
 * modes can be a deliberate choice, so there the finding is informational. Host mode is left to
 * TD-HOST-NETWORK so one cause gives one finding.
 */
final class NetworkModeAwsvpc implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-NOT-AWSVPC",
            Severity.LOW,
            "Task definition uses the awsvpc network mode",
            "Set \"networkMode\": \"awsvpc\".");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        String mode = td.networkMode();
        if ("awsvpc".equalsIgnoreCase(mode) || "host".equalsIgnoreCase(mode)) {
            return List.of();
        }
        String described = Texts.isBlank(mode) ? "the default network mode (bridge on Linux)" : "network mode " + mode;
        Finding finding = Finding.of(METADATA, td.resourceArn(), Names.task(td) + " uses " + described
                        + " instead of awsvpc.")
                .withFix("Set \"networkMode\": \"awsvpc\" on task definition " + td.displayName() + ".");
        return List.of(td.runsOnlyOnInstances() ? finding.withSeverity(Severity.INFORMATIONAL) : finding);
    }
}
