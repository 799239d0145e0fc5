package dev.ecsiamguard.core.remediate;

import java.util.List;

/** What remediation will grant, each with the reason, and what it will not, each with the reason why not. */
public record RemediationPlan(List<Granted> grants, List<Refused> refused) {

    public RemediationPlan {
        grants = List.copyOf(grants);
        refused = List.copyOf(refused);
    }

    /** A grant and the finding it closes. */
    public record Granted(ExecutionGrant grant, String ruleId, String why) {
    }

    /** A gap left as a finding, and why remediation may not close it. */
    public record Refused(String ruleId, String resource, String reason) {
    }
}
