package dev.ecsiamguard.core.policy;

/** Which grammar a document follows: IAM accepts different elements in identity, resource and trust policies. */
public enum PolicyKind {
    /** Attached to a principal (inline, managed, boundary): Resource required, Principal forbidden. */
    IDENTITY,
    /** Attached to a resource (bucket, key, queue): Principal and Resource required. */
    RESOURCE,
    /** A role's assume-role policy: Principal required, Resource and NotPrincipal forbidden. */
    TRUST
}
