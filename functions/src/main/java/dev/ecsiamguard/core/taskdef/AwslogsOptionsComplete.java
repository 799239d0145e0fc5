package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The awslogs driver needs a group and a region, and on Fargate a stream prefix; without them the task fails
 * to start or its logs cannot be told apart.
 */
final class AwslogsOptionsComplete implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-AWSLOGS-OPTIONS",
            Severity.MEDIUM,
            "The awslogs driver has its required options",
            "Set awslogs-group and awslogs-region, and awslogs-stream-prefix on Fargate.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            LogConfiguration log = c.logConfiguration();
            if (log == null || !log.isDriver("awslogs")) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String option : List.of("awslogs-group", "awslogs-region")) {
                if (Texts.isBlank(log.option(option))) {
                    missing.add(option);
                }
            }
            if (td.requiresFargate() && Texts.isBlank(log.option("awslogs-stream-prefix"))) {
                missing.add("awslogs-stream-prefix");
            }
            if (!missing.isEmpty()) {
                String joined = String.join(", ", missing);
                findings.add(Finding.of(METADATA, td.resourceArn(), Names.container(td, c)
                                + " uses the awslogs driver without " + joined + ".")
                        .withFix("Set " + joined + " in \"logConfiguration\".\"options\" of container "
                                + c.displayName() + "."));
            }
        }
        return findings;
    }
}
