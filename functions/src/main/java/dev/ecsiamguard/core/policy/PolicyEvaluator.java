package dev.ecsiamguard.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides requests against a principal's identity policies and optional permissions boundary the way IAM does:
 * an explicit deny anywhere wins, otherwise both the identity policies and the boundary must allow.
 * Compiles every pattern once at construction, so build one per role and reuse it.
 */
public final class PolicyEvaluator {

    private final List<NamedPolicy> identityPolicies;
    private final NamedPolicy boundary;
    private final ActionIndex identity;
    private final ActionIndex boundaryStatements;

    public PolicyEvaluator(List<NamedPolicy> identityPolicies, NamedPolicy boundary) {
        this.identityPolicies = List.copyOf(identityPolicies);
        this.boundary = boundary;
        this.identity = compile(this.identityPolicies);
        this.boundaryStatements = boundary == null ? null : compile(List.of(boundary));
    }

    public static PolicyEvaluator of(NamedPolicy... identityPolicies) {
        return new PolicyEvaluator(List.of(identityPolicies), null);
    }

    public PolicyEvaluator withBoundary(NamedPolicy newBoundary) {
        return new PolicyEvaluator(identityPolicies, newBoundary);
    }

    public PolicyEvaluator withoutBoundary() {
        return new PolicyEvaluator(identityPolicies, null);
    }

    public List<NamedPolicy> identityPolicies() {
        return identityPolicies;
    }

    public Optional<NamedPolicy> boundary() {
        return Optional.ofNullable(boundary);
    }

    /**
     * One pass with the keys the caller did not supply left open: a statement that depends on one is neither
     * counted as applying nor as not applying, so an explicit deny is only reported when a Deny certainly
     * applies, and the keys are listed whenever they could change the outcome.
     */
    public EvaluationResult evaluate(Request request) {
        boolean closedWorld = request.contextComplete();
        KeyCollector missing = new KeyCollector();
        Tally tally = new Tally();
        tally.count(identity.candidates(request.action()), request, closedWorld, missing);
        Tri deny = tally.deny;
        Tri allow = tally.allow;
        if (boundaryStatements != null) {
            tally.allow = Tri.FALSE;
            tally.deny = Tri.FALSE;
            tally.count(boundaryStatements.candidates(request.action()), request, closedWorld, missing);
            deny = deny.or(tally.deny);
            allow = allow.and(tally.allow);
        }
        Decision decision = deny == Tri.TRUE ? Decision.EXPLICIT_DENY
                : allow == Tri.TRUE ? Decision.ALLOW : Decision.IMPLICIT_DENY;
        boolean conclusive = deny == Tri.TRUE || allow == Tri.FALSE || (deny == Tri.FALSE && allow == Tri.TRUE);
        return new EvaluationResult(decision, tally.allowedBy(), tally.deniedBy(),
                conclusive ? Set.of() : missing.keys());
    }

    private static ActionIndex compile(List<NamedPolicy> policies) {
        List<CompiledStatement> out = new ArrayList<>();
        for (NamedPolicy policy : policies) {
            List<Statement> statements = policy.document().statements();
            boolean variables = policy.document().version().equals("2012-10-17");
            for (int i = 0; i < statements.size(); i++) {
                out.add(new CompiledStatement(new StatementRef(policy.name(), i + 1, statements.get(i)), variables));
            }
        }
        return new ActionIndex(out.toArray(CompiledStatement[]::new));
    }

    /**
     * What the policy sets say about a request: Allow and Deny votes and the statements certainly applying, identity
     * policies first. Holds the usual zero or one statement per effect without building a list.
     */
    private static final class Tally {
        private Tri allow = Tri.FALSE;
        private Tri deny = Tri.FALSE;
        private StatementRef firstAllow;
        private List<StatementRef> allows;
        private StatementRef firstDeny;
        private List<StatementRef> denies;

        void count(CompiledStatement[] statements, Request request, boolean closedWorld, KeyCollector missing) {
            for (CompiledStatement statement : statements) {
                Tri applies = statement.appliesTo(request, closedWorld, missing);
                if (statement.isAllow()) {
                    allow = allow.or(applies);
                    if (applies == Tri.TRUE) {
                        allows = add(firstAllow, allows, statement.ref());
                        firstAllow = firstAllow == null ? statement.ref() : firstAllow;
                    }
                } else {
                    deny = deny.or(applies);
                    if (applies == Tri.TRUE) {
                        denies = add(firstDeny, denies, statement.ref());
                        firstDeny = firstDeny == null ? statement.ref() : firstDeny;
                    }
                }
            }
        }

        /** The list past the first statement: null while there is at most one. */
        private static List<StatementRef> add(StatementRef first, List<StatementRef> more, StatementRef next) {
            if (first == null) {
                return null;
            }
            List<StatementRef> out = more == null ? new ArrayList<>(List.of(first)) : more;
            out.add(next);
            return out;
        }

        List<StatementRef> allowedBy() {
            return allows != null ? List.copyOf(allows) : firstAllow != null ? List.of(firstAllow) : List.of();
        }

        List<StatementRef> deniedBy() {
            return denies != null ? List.copyOf(denies) : firstDeny != null ? List.of(firstDeny) : List.of();
        }
    }
}
