package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/**
 * In blocking mode a slow or unreachable log destination stalls the application's writes to stdout and stderr;
 * non-blocking mode buffers instead. An unset mode follows the account's default, so it is reported as well.
 */
final class LogModeNonBlocking implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-LOG-BLOCKING",
            Severity.LOW,
            "Log drivers use the non-blocking mode",
            "Set \"mode\": \"non-blocking\" (and a \"max-buffer-size\") in the logConfiguration options.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        return td.containers().stream()
                .filter(ContainerDefinition::hasLogDriver)
                .filter(c -> !"non-blocking".equalsIgnoreCase(c.logConfiguration().option("mode")))
                .map(c -> Finding.of(METADATA, td.resourceArn(), Names.container(td, c)
                                + (Texts.isBlank(c.logConfiguration().option("mode"))
                                ? " does not set the log mode, so logging may block the application."
                                : " logs in blocking mode."))
                        .withFix("Set \"mode\": \"non-blocking\" and \"max-buffer-size\": \"25m\" in "
                                + "\"logConfiguration\".\"options\" of container " + c.displayName() + "."))
                .toList();
    }
}
