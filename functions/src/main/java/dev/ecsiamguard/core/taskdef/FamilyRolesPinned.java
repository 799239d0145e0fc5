package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * With role pinning configured, family `payments-api` may only use the roles provisioned for it: a deploy
 * pipeline that can register task definitions could otherwise hand one service another service's permissions.
 */
final class FamilyRolesPinned implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-FAMILY-ROLE-PINNING",
            Severity.HIGH,
            "Task definition uses the roles provisioned for its own family",
            "Reference the execution and task roles provisioned for this family, or provision roles for it.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        if (ctx.rolePinning().isEmpty() || Texts.isBlank(td.family())) {
            return List.of();
        }
        RolePinning pinning = ctx.rolePinning().get();
        List<Finding> findings = new ArrayList<>();
        if (td.hasExecutionRole()) {
            check(td, "execution", "executionRoleArn", Arns.roleName(td.executionRoleArn()),
                    pinning.executionRoleFor(td.family()), findings);
        }
        if (td.hasTaskRole()) {
            check(td, "task", "taskRoleArn", Arns.roleName(td.taskRoleArn()), pinning.taskRoleFor(td.family()),
                    findings);
        }
        return findings;
    }

    private static void check(TaskDefinition td, String kind, String field, String actual, String expected,
                              List<Finding> findings) {
        if (!actual.equals(expected)) {
            findings.add(Finding.of(METADATA, td.resourceArn(), Names.task(td) + " uses " + kind + " role " + actual
                    + ", but family " + td.family() + " may only use " + expected + ".")
                    .withFix("Set \"" + field + "\" to the role " + expected + "."));
        }
    }
}
