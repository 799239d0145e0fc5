package dev.ecsiamguard.core.policy;

/** An Arn* condition value: IAM matches each of the six colon-separated components on its own. */
final class ArnPattern {

    private static final int PARTS = 6;

    private final Glob[] parts;
    private final Glob whole;

    ArnPattern(String pattern, boolean variables) {
        String[] split = pattern.split(":", PARTS);
        if (split.length == PARTS) {
            parts = new Glob[PARTS];
            for (int i = 0; i < PARTS; i++) {
                parts[i] = Glob.like(split[i], variables);
            }
            whole = null;
        } else {
            parts = null;
            whole = Glob.like(pattern, variables);
        }
    }

    boolean unresolved(Request request, boolean closedWorld) {
        if (whole != null) {
            return whole.unresolved(request, closedWorld);
        }
        for (Glob part : parts) {
            if (part.unresolved(request, closedWorld)) {
                return true;
            }
        }
        return false;
    }

    Tri matches(String arn, Request request, boolean closedWorld, KeyCollector missing) {
        if (whole != null) {
            return whole.matches(arn, request, closedWorld, missing);
        }
        String[] split = arn.split(":", PARTS);
        if (split.length != PARTS) {
            return Tri.FALSE;
        }
        Tri result = Tri.TRUE;
        for (int i = 0; i < PARTS && result != Tri.FALSE; i++) {
            result = result.and(parts[i].matches(split[i], request, closedWorld, missing));
        }
        return result;
    }
}
