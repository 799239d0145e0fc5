package dev.ecsiamguard.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The questions validators ask about a role's permissions, answered by evaluation rather than string matching. */
public final class PolicyQuestions {

    /** The STS actions a trust policy can grant, in their canonical spelling. */
    public static final List<String> ASSUME_ACTIONS = List.of("sts:AssumeRole", "sts:AssumeRoleWithWebIdentity",
            "sts:AssumeRoleWithSAML", "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext");

    private final PolicyEvaluator evaluator;

    public PolicyQuestions(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public static PolicyQuestions of(List<NamedPolicy> identityPolicies, NamedPolicy boundaryOrNull) {
        return new PolicyQuestions(new PolicyEvaluator(identityPolicies, boundaryOrNull));
    }

    /** Each action's result on one resource, keeping the caller's order; context may be empty. */
    public Map<String, EvaluationResult> evaluateActions(List<String> actions, String resource,
                                                         Map<String, List<String>> context) {
        Map<String, EvaluationResult> out = new LinkedHashMap<>();
        for (String action : actions) {
            out.put(action, evaluator.evaluate(new Request(null, action, resource, context, false)));
        }
        return out;
    }

    /** The actions allowed whatever the missing context turns out to be. */
    public List<String> allowedActions(List<String> actions, String resource) {
        return evaluateActions(actions, resource, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().isAllowed()).map(Map.Entry::getKey).toList();
    }

    /** Who may assume a role under its trust policy: one grant per principal of every Allow statement. */
    public static List<TrustGrant> trustGrants(NamedPolicy trustPolicy) {
        List<TrustGrant> grants = new ArrayList<>();
        for (StatementRef ref : allowStatements(List.of(trustPolicy))) {
            Statement statement = ref.statement();
            List<String> actions = ASSUME_ACTIONS.stream().filter(a -> grantsAction(statement, a)).toList();
            if (actions.isEmpty()) {
                continue;
            }
            for (Principal principal : statement.principals()) {
                grants.add(new TrustGrant(principal.kind(), principal.value(), actions, statement.conditions(), ref));
            }
        }
        return grants;
    }

    /** Whether the statement's Action/NotAction covers one action name, ignoring resource and conditions. */
    public static boolean grantsAction(Statement statement, String action) {
        String lowered = action.toLowerCase(Locale.ROOT);
        boolean listed = statement.actions().isEmpty()
                ? statement.notActions().stream().noneMatch(p -> Glob.action(p).matches(lowered))
                : statement.actions().stream().anyMatch(p -> Glob.action(p).matches(lowered));
        return listed;
    }

    private static List<StatementRef> allowStatements(List<NamedPolicy> policies) {
        List<StatementRef> out = new ArrayList<>();
        for (NamedPolicy policy : policies) {
            List<Statement> statements = policy.document().statements();
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i).isAllow()) {
                    out.add(new StatementRef(policy.name(), i + 1, statements.get(i)));
                }
            }
        }
        return out;
    }
}
