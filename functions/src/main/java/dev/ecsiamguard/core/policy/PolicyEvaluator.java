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
    private final CompiledStatement[] identity;
    private final CompiledStatement[] boundaryStatements;

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
        KeyCollector missing = new KeyCollector();
        Outcome outcome = decide(request, request.contextComplete(), missing);
        return outcome.result(outcome.conclusive ? Set.of() : missing.keys());
    }

    private Outcome decide(Request request, boolean closedWorld, KeyCollector missing) {
        Vote identityVote = vote(identity, request, closedWorld, missing);
        Vote boundaryVote = boundaryStatements == null ? Vote.ALLOW_ALL
                : vote(boundaryStatements, request, closedWorld, missing);
        Tri deny = identityVote.deny.or(boundaryVote.deny);
        Tri allow = identityVote.allow.and(boundaryVote.allow);
        List<StatementRef> deniedBy = new ArrayList<>(identityVote.deniedBy);
        deniedBy.addAll(boundaryVote.deniedBy);
        List<StatementRef> allowedBy = new ArrayList<>(identityVote.allowedBy);
        allowedBy.addAll(boundaryVote.allowedBy);
        Decision decision = deny == Tri.TRUE ? Decision.EXPLICIT_DENY
                : allow == Tri.TRUE ? Decision.ALLOW : Decision.IMPLICIT_DENY;
        boolean conclusive = deny == Tri.TRUE || allow == Tri.FALSE || (deny == Tri.FALSE && allow == Tri.TRUE);
        return new Outcome(decision, conclusive, allowedBy, deniedBy);
    }

    private static Vote vote(CompiledStatement[] statements, Request request, boolean closedWorld,
                             KeyCollector missing) {
        Tri allow = Tri.FALSE;
        Tri deny = Tri.FALSE;
        List<StatementRef> allowedBy = new ArrayList<>(2);
        List<StatementRef> deniedBy = new ArrayList<>(1);
        for (CompiledStatement statement : statements) {
            Tri applies = statement.appliesTo(request, closedWorld, missing);
            if (statement.isAllow()) {
                allow = allow.or(applies);
                if (applies == Tri.TRUE) {
                    allowedBy.add(statement.ref());
                }
            } else {
                deny = deny.or(applies);
                if (applies == Tri.TRUE) {
                    deniedBy.add(statement.ref());
                }
            }
        }
        return new Vote(allow, deny, allowedBy, deniedBy);
    }

    private static CompiledStatement[] compile(List<NamedPolicy> policies) {
        List<CompiledStatement> out = new ArrayList<>();
        for (NamedPolicy policy : policies) {
            List<Statement> statements = policy.document().statements();
            boolean variables = policy.document().version().equals("2012-10-17");
            for (int i = 0; i < statements.size(); i++) {
                out.add(new CompiledStatement(new StatementRef(policy.name(), i + 1, statements.get(i)), variables));
            }
        }
        return out.toArray(CompiledStatement[]::new);
    }

    /** What one policy set says about a request. */
    private record Vote(Tri allow, Tri deny, List<StatementRef> allowedBy, List<StatementRef> deniedBy) {
        static final Vote ALLOW_ALL = new Vote(Tri.TRUE, Tri.FALSE, List.of(), List.of());
    }

    private record Outcome(Decision decision, boolean conclusive, List<StatementRef> allowedBy,
                           List<StatementRef> deniedBy) {
        EvaluationResult result(Set<String> missingKeys) {
            return new EvaluationResult(decision, allowedBy, deniedBy, missingKeys);
        }
    }
}
