package dev.ecsiamguard.core.policy;

import java.util.Objects;

/** One principal named by a policy or making a request, kept as written so findings can quote it. */
public record Principal(PrincipalKind kind, String value) {

    public Principal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static Principal aws(String arnOrAccount) {
        return new Principal(PrincipalKind.AWS, arnOrAccount);
    }

    public static Principal service(String servicePrincipal) {
        return new Principal(PrincipalKind.SERVICE, servicePrincipal);
    }

    public static Principal federated(String provider) {
        return new Principal(PrincipalKind.FEDERATED, provider);
    }

    /** True for {@code "*"} and {@code {"AWS": "*"}}: both let any AWS principal in. */
    public boolean isWildcard() {
        return kind == PrincipalKind.ANY || (kind == PrincipalKind.AWS && value.equals("*"));
    }

    /** Whether this policy principal covers the principal that makes a request. */
    public boolean covers(Principal requester) {
        if (isWildcard()) {
            return true;
        }
        if (kind != requester.kind()) {
            return false;
        }
        if (kind == PrincipalKind.AWS) {
            if (value.equals(requester.value())) {
                return true;
            }
            boolean wholeAccount = value.endsWith(":root") || value.chars().allMatch(Character::isDigit);
            return wholeAccount && accountOf(value).equals(accountOf(requester.value()));
        }
        return value.equals(requester.value());
    }

    private static String accountOf(String arnOrAccount) {
        String[] parts = arnOrAccount.split(":", 6);
        return parts.length >= 5 ? parts[4] : arnOrAccount;
    }
}
