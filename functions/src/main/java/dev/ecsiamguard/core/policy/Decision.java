package dev.ecsiamguard.core.policy;

/** IAM's three outcomes; only an explicit deny cannot be overridden by another policy type. */
public enum Decision {
    ALLOW, EXPLICIT_DENY, IMPLICIT_DENY
}
