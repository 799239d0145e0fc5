package dev.ecsiamguard.core.policy;

import java.util.List;

/** One principal a trust policy lets assume the role, with the assume actions and the conditions that gate it. */
public record TrustGrant(PrincipalKind kind, String principal, List<String> actions, List<ConditionClause> conditions,
                         StatementRef source) {

    public TrustGrant {
        actions = List.copyOf(actions);
        conditions = List.copyOf(conditions);
    }

    /** Clauses on this key (case-insensitive), e.g. {@code aws:SourceAccount} or the GitHub {@code sub} claim. */
    public List<ConditionClause> conditionsOn(String key) {
        return conditions.stream().filter(c -> c.isOn(key)).toList();
    }

    public boolean isUnconditioned() {
        return conditions.isEmpty();
    }
}
