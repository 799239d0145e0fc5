package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * In blocking mode a slow or unreachable log destination stalls the application's writes to stdout and stderr;
 * non-blocking mode buffers instead. An unset mode follows the account's {@code defaultLogDriverMode}
 * (non-blocking since 2025-06-25 unless the account says blocking): reported when that setting says blocking,
 * and as informational when it could not be read.
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
        AccountLogMode account = ctx.accountLogMode();
        List<Finding> findings = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            if (!c.hasLogDriver()) {
                continue;
            }
            String mode = c.logConfiguration().option("mode");
            if (Texts.isBlank(mode)) {
                if (account.mode().isEmpty()) {
                    findings.add(finding(td, c, " does not set the log mode, so it follows the account's ECS"
                            + " setting defaultLogDriverMode, which could not be read (" + account.unknownBecause()
                            + "): non-blocking unless that setting is blocking.").withSeverity(Severity.INFORMATIONAL));
                } else if (account.blocking()) {
                    findings.add(finding(td, c, " does not set the log mode, and the account's ECS setting"
                            + " defaultLogDriverMode is blocking, so logging may block the application."));
                }
            } else if (!"non-blocking".equalsIgnoreCase(mode.strip())) {
                findings.add(finding(td, c, " logs in blocking mode."));
            }
        }
        return findings;
    }

    private static Finding finding(TaskDefinition td, ContainerDefinition c, String what) {
        return Finding.of(METADATA, td.resourceArn(), Names.container(td, c) + what)
                .withFix("Set \"mode\": \"non-blocking\" and \"max-buffer-size\": \"25m\" in "
                        + "\"logConfiguration\".\"options\" of container " + c.displayName() + ".");
    }
}
