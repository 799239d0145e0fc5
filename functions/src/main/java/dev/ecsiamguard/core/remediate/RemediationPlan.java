package dev.ecsiamguard.core.remediate;

import java.util.ArrayList;
import java.util.List;

/**
 * What remediation will grant, each with the reason; what it will not, each with the reason why not; and what it
 * could not decide because something could not be read.
 */
public record RemediationPlan(List<Granted> grants, List<Refused> refused, List<Unreadable> unreadable) {

    public RemediationPlan {
        grants = List.copyOf(grants);
        refused = List.copyOf(refused);
        unreadable = List.copyOf(unreadable);
    }

    public RemediationPlan(List<Granted> grants, List<Refused> refused) {
        this(grants, refused, List.of());
    }

    /** Both plans' entries, this one's first. */
    public RemediationPlan and(RemediationPlan other) {
        return new RemediationPlan(concat(grants, other.grants), concat(refused, other.refused),
                concat(unreadable, other.unreadable));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** A grant and the finding it closes. */
    public record Granted(ExecutionGrant grant, String ruleId, String why) {
    }

    /**
     * A gap left as a finding, and why remediation may not close it. {@code fix} is the exact statement when no
     * validation rule reports the gap itself (a secret's key), else empty: the rule's finding already says it.
     */
    public record Refused(String ruleId, String resource, String reason, String fix) {

        public Refused(String ruleId, String resource, String reason) {
            this(ruleId, resource, reason, "");
        }
    }

    /** A need that could not be judged: reported as a rule error, so the verdict cannot pass on it. */
    public record Unreadable(String ruleId, String resource, String message) {
    }
}
