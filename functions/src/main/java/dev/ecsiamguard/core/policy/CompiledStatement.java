package dev.ecsiamguard.core.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A statement with every pattern compiled, deciding whether it applies to a request. */
final class CompiledStatement {

    private final StatementRef ref;
    private final Glob[] actions;
    private final boolean notAction;
    private final Glob[] resources;
    private final boolean notResource;
    private final CompiledCondition[] conditions;
    private final Set<String> servicePrefixes;

    /** Policy variables exist only from version 2012-10-17; older or missing versions take {@code ${...}} as text. */
    CompiledStatement(StatementRef ref, boolean variables) {
        this.ref = ref;
        Statement statement = ref.statement();
        this.notAction = statement.actions().isEmpty();
        this.actions = (notAction ? statement.notActions() : statement.actions()).stream().map(Glob::action)
                .toArray(Glob[]::new);
        this.notResource = statement.resources().isEmpty() && !statement.notResources().isEmpty();
        this.resources = (notResource ? statement.notResources() : statement.resources()).stream()
                .map(p -> Glob.resource(p, variables))
                .toArray(Glob[]::new);
        this.conditions = statement.conditions().stream().map(c -> new CompiledCondition(c, variables))
                .toArray(CompiledCondition[]::new);
        this.servicePrefixes = literalServicePrefixes();
    }

    /**
     * The service prefixes every action this statement can match starts with (followed by a colon), or null when
     * it can match actions of any service: NotAction, or a pattern without a plain literal prefix.
     */
    Set<String> servicePrefixes() {
        return servicePrefixes;
    }

    private Set<String> literalServicePrefixes() {
        if (notAction) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (Glob glob : actions) {
            String prefix = ActionIndex.literalServicePrefix(glob.pattern());
            if (prefix == null) {
                return null;
            }
            out.add(prefix);
        }
        return out;
    }

    StatementRef ref() {
        return ref;
    }

    boolean isAllow() {
        return ref.statement().isAllow();
    }

    /** TRUE when the statement applies, UNKNOWN when that depends on context the request lacks. */
    Tri appliesTo(Request request, boolean closedWorld, KeyCollector missing) {
        if (!matchesAction(request.action()) || !matchesPrincipal(request.principal())) {
            return Tri.FALSE;
        }
        KeyCollector local = new KeyCollector();
        Tri result = matchesResource(request, closedWorld, local);
        for (int i = 0; i < conditions.length && result != Tri.FALSE; i++) {
            result = result.and(conditions[i].evaluate(request, closedWorld, local));
        }
        if (result == Tri.UNKNOWN) {
            missing.addAll(local);
        }
        return result;
    }

    private boolean matchesAction(String loweredAction) {
        boolean any = false;
        for (Glob glob : actions) {
            if (glob.matches(loweredAction)) {
                any = true;
                break;
            }
        }
        return any != notAction;
    }

    private Tri matchesResource(Request request, boolean closedWorld, KeyCollector missing) {
        if (resources.length == 0) {
            return Tri.TRUE;
        }
        Tri any = Tri.FALSE;
        for (int i = 0; i < resources.length && any != Tri.TRUE; i++) {
            if (notResource && resources[i].unresolved(request, closedWorld)) {
                return Tri.FALSE;
            }
            any = any.or(resources[i].matches(request.resource(), request, closedWorld, missing));
        }
        return notResource ? any.not() : any;
    }

    /** Without a requesting principal the element is not checked: identity evaluation never has one. */
    private boolean matchesPrincipal(Principal requester) {
        Statement statement = ref.statement();
        if (requester == null) {
            return true;
        }
        if (!statement.principals().isEmpty()) {
            return covers(statement.principals(), requester);
        }
        return statement.notPrincipals().isEmpty() || !covers(statement.notPrincipals(), requester);
    }

    private static boolean covers(List<Principal> principals, Principal requester) {
        return principals.stream().anyMatch(p -> p.covers(requester));
    }
}
