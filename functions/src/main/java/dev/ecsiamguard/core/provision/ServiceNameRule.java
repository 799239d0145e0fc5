package dev.ecsiamguard.core.provision;

/** How a repository name such as `team/payments-api` becomes a service name. */
public enum ServiceNameRule {
    /** `team/payments-api` becomes `team-payments-api`: unique, the default. */
    JOIN,
    /** `team/payments-api` becomes `payments-api`: shorter, but two teams can collide. */
    LAST_SEGMENT
}
