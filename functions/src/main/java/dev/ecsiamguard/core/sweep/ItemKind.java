package dev.ecsiamguard.core.sweep;

/** What a sweep judges, one kind per source of the estate's IAM and ECS state. */
public enum ItemKind {
    /** A task definition revision: a service's running one, or a family's latest ACTIVE one. */
    TASK_DEFINITION,
    /** A role that ECS tasks may assume (trusted by ecs-tasks.amazonaws.com). */
    ECS_ROLE,
    /** A role that GitHub Actions may assume through the account's OIDC provider. */
    GITHUB_ROLE,
    /** An ECS cluster. */
    CLUSTER,
    /** GitHub's IAM OIDC provider. */
    OIDC_PROVIDER
}
