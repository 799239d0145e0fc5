package dev.ecsiamguard.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Breadth questions answered by evaluation, so that a Deny, a condition or the permissions boundary that removes
 * a grant also removes the finding: statement text only proposes candidates (the services written as
 * {@code service:*}), a request decides each one.
 */
public final class EvaluatedGrants {

    /** No AWS action has this name: only a wildcard such as {@code s3:*} can allow it. */
    static final String ANY_ACTION = "EcsIamGuardAnyAction";
    /** No AWS service principal has this name: only a grant without iam:PassedToService limit reaches it. */
    static final String ANY_SERVICE = "ecs-iam-guard-probe.amazonaws.com";

    private final PolicyEvaluator evaluator;

    public EvaluatedGrants(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * Services whose every action is allowed for certain on some resource an Allow names (lower-case prefixes);
     * {@code *} alone proposes no service, as full access is the admin rules' concern.
     */
    public SortedSet<String> serviceWideGrants() {
        SortedSet<String> services = new TreeSet<>();
        for (StatementRef ref : allows()) {
            Statement statement = ref.statement();
            for (String action : statement.actions()) {
                if (!action.endsWith(":*")) {
                    continue;
                }
                String service = action.substring(0, action.length() - 2).toLowerCase(Locale.ROOT);
                List<String> resources = statement.resources().isEmpty() ? List.of("*") : statement.resources();
                boolean allowed = resources.stream().anyMatch(resource -> evaluator.evaluate(
                        Request.of(service + ":" + ANY_ACTION, resource)).isAllowed());
                if (allowed) {
                    services.add(service);
                }
            }
        }
        return services;
    }

    /**
     * The statements that let the principal pass a role nobody named to any service, or empty when the grant is
     * limited (named roles, an iam:PassedToService condition), denied or outside the boundary.
     */
    public List<StatementRef> passRoleToAnyService(String unnamedRoleArn) {
        EvaluationResult result = evaluator.evaluate(Request.of("iam:PassRole", unnamedRoleArn)
                .with("iam:PassedToService", ANY_SERVICE));
        return result.isAllowed() ? result.allowedBy() : List.of();
    }

    private List<StatementRef> allows() {
        List<StatementRef> out = new ArrayList<>();
        for (NamedPolicy policy : evaluator.identityPolicies()) {
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
