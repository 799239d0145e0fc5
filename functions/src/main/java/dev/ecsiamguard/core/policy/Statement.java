package dev.ecsiamguard.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * One statement as IAM reads it. An element that is absent is an empty list; the parser guarantees that exactly one
 * of {@code actions}/{@code notActions} is non-empty, and the same for resources and principals where required.
 */
public record Statement(
        String sid,
        Effect effect,
        List<String> actions,
        List<String> notActions,
        List<String> resources,
        List<String> notResources,
        List<Principal> principals,
        List<Principal> notPrincipals,
        List<ConditionClause> conditions) {

    public Statement {
        sid = sid == null ? "" : sid;
        Objects.requireNonNull(effect, "effect");
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        principals = List.copyOf(principals);
        notPrincipals = List.copyOf(notPrincipals);
        conditions = List.copyOf(conditions);
    }

    /** An identity-policy statement without conditions; the usual shape in tests. */
    public static Statement of(Effect effect, List<String> actions, List<String> resources) {
        return new Statement("", effect, actions, List.of(), resources, List.of(), List.of(), List.of(), List.of());
    }

    public Statement withConditions(List<ConditionClause> clauses) {
        return new Statement(sid, effect, actions, notActions, resources, notResources, principals, notPrincipals,
                clauses);
    }

    public Statement withSid(String newSid) {
        return new Statement(newSid, effect, actions, notActions, resources, notResources, principals, notPrincipals,
                conditions);
    }

    public boolean isAllow() {
        return effect == Effect.ALLOW;
    }

    /** Every clause on this key, whatever the operator; key names compare case-insensitively as in IAM. */
    public List<ConditionClause> conditionsOn(String key) {
        return conditions.stream().filter(c -> c.isOn(key)).toList();
    }

    /** Clauses on this key with this base operator, e.g. StringLike on the GitHub {@code sub} claim. */
    public List<ConditionClause> conditionsOn(String key, ConditionOperator operator) {
        return conditions.stream().filter(c -> c.isOn(key) && c.operator() == operator).toList();
    }

    public boolean hasConditions() {
        return !conditions.isEmpty();
    }
}
