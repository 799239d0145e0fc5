package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** Without a log driver a container's output is lost, and with it the trail of an incident. */
final class ContainersLogged implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-NO-LOGGING",
            Severity.MEDIUM,
            "Containers have a logging configuration",
            "Add a \"logConfiguration\" with a \"logDriver\" such as awslogs.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        return td.containers().stream()
                .filter(c -> !c.hasLogDriver())
                .map(c -> Finding.of(METADATA, td.resourceArn(), Names.container(td, c) + " has no log driver.")
                        .withFix("Add to container " + c.displayName() + ": \"logConfiguration\": {\"logDriver\": "
                                + "\"awslogs\", \"options\": {\"awslogs-group\": \"/ecs/" + family(td)
                                + "\", \"awslogs-region\": \"<region>\", \"awslogs-stream-prefix\": \"ecs\"}}."))
                .toList();
    }

    private static String family(TaskDefinition td) {
        return Texts.isBlank(td.family()) ? "<family>" : td.family();
    }
}
