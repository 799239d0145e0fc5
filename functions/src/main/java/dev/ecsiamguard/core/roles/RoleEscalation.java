package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.policy.EscalationAnalysis;
import dev.ecsiamguard.core.policy.StatementRef;
import java.util.List;

/** Runs the engine's admin-equivalence and escalation analysis on a task or execution role of a revision. */
final class RoleEscalation {

    /** Probe resources need a region; IAM paths do not, so an unknown region falls back to the default one. */
    private static final String FALLBACK_REGION = "us-east-1";

    private RoleEscalation() {
    }

    static EscalationAnalysis.Verdict of(RoleAnalysisContext.Analyzed role, RoleAnalysisContext ctx) {
        String account = role.role().accountId().isEmpty() ? ctx.accountIfKnown().orElse("000000000000")
                : role.role().accountId();
        return new EscalationAnalysis(role.evaluator(), new EscalationAnalysis.Subject(role.role().arn(),
                ctx.partition(), account, ctx.regionIfKnown().orElse(FALLBACK_REGION))).analyse();
    }

    /** "every action on every resource (statements)" or the admin paths, for a sentence about the role. */
    static String adminReason(EscalationAnalysis.Verdict verdict) {
        if (verdict.hasFullAccess()) {
            return "allows every action on every resource (" + refs(verdict.fullAccess()) + ")";
        }
        return "can give itself full administrative access through " + paths(verdict.adminPaths());
    }

    static String paths(List<EscalationAnalysis.Found> found) {
        return EscalationAnalysis.describeAll(found);
    }

    private static String refs(List<StatementRef> refs) {
        return String.join(", ", refs.stream().map(StatementRef::describe).toList());
    }
}
