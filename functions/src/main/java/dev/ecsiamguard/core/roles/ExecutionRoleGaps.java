package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.policy.EvaluationResult;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the execution role is clearly denied that this revision needs, from the same needs the EXEC-* rules
 * derive, as data rather than findings, so remediation can decide which of them it may grant. Undecided answers
 * (missing context keys) are not gaps: nothing is granted on a guess.
 */
public final class ExecutionRoleGaps {

    /** The need-deriving rules whose gaps remediation may close. */
    private static final List<ExecutionRoleNeeds> RULES = List.of(new ExecutionRoleCanReadSecrets(),
            new ExecutionRoleCanReadParameters(), new ExecutionRoleCanReadRegistryCredentials(),
            new ExecutionRoleCanWriteLogs(), new ExecutionRoleCanReadEnvironmentFiles());

    /**
     * @param actions the needed actions the role is denied
     * @param resource the concrete resource the request names
     * @param fixResource the resource a fix statement names (may be a pattern such as a log group's {@code :*})
     * @param why what in the task definition needs it
     */
    public record Gap(String ruleId, List<String> actions, String resource, String fixResource, String why) {

        public Gap {
            actions = List.copyOf(actions);
        }
    }

    private static final String SECRET_READ = "secretsmanager:GetSecretValue";

    private ExecutionRoleGaps() {
    }

    /**
     * Every Secrets Manager secret the revision's execution role must read (injected, through an SSM reference,
     * or as registry credentials), allowed or not, each once as a {@code secretsmanager:GetSecretValue} need.
     */
    public static List<Gap> secretReads(TaskDefinition td, RoleAnalysisContext ctx) {
        Map<String, Gap> reads = new LinkedHashMap<>();
        for (ExecutionRoleNeeds rule : RULES) {
            if (!rule.applies(td)) {
                continue;
            }
            for (Need need : rule.needs(td, ctx)) {
                if (need.actions().contains(SECRET_READ)) {
                    reads.putIfAbsent(need.resource(), new Gap(rule.metadata().id(), List.of(SECRET_READ),
                            need.resource(), need.fixResource(), need.why()));
                }
            }
        }
        return List.copyOf(reads.values());
    }

    public static List<Gap> denied(TaskDefinition td, RoleAnalysisContext ctx) {
        var role = ctx.executionRole();
        if (role.isEmpty()) {
            return List.of();
        }
        Map<String, Gap> gaps = new LinkedHashMap<>();
        for (ExecutionRoleNeeds rule : RULES) {
            if (!rule.applies(td)) {
                continue;
            }
            for (Need need : rule.needs(td, ctx)) {
                List<String> denied = new ArrayList<>();
                for (String action : need.actions()) {
                    EvaluationResult result = Permissions.evaluate(role.get().evaluator(), action, need.resource(),
                            role.get().role(), ctx);
                    if (result.isDenied()) {
                        denied.add(action);
                    }
                }
                if (!denied.isEmpty()) {
                    gaps.putIfAbsent(denied + " " + need.resource(), new Gap(rule.metadata().id(), denied,
                            need.resource(), need.fixResource(), need.why()));
                }
            }
        }
        return List.copyOf(gaps.values());
    }
}
