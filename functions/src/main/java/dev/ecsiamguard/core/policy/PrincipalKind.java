package dev.ecsiamguard.core.policy;

/** The principal families IAM recognises; trust checks treat each family differently. */
public enum PrincipalKind {
    /** {@code "Principal": "*"}: anyone. */
    ANY,
    AWS,
    SERVICE,
    FEDERATED,
    CANONICAL_USER;

    /** The JSON key of this family inside a Principal object, or {@code "*"} for {@link #ANY}. */
    public String jsonKey() {
        return switch (this) {
            case ANY -> "*";
            case AWS -> "AWS";
            case SERVICE -> "Service";
            case FEDERATED -> "Federated";
            case CANONICAL_USER -> "CanonicalUser";
        };
    }
}
