package dev.ecsiamguard.core.roles;

/**
 * Where validators get roles from: the account (an adapter over the IAM API), a saved
 * `aws iam get-account-authorization-details` document, or nowhere (role checks skipped, and said so).
 */
@FunctionalInterface
public interface RoleLookup {

    /** Role checks skipped: every role is unknown. */
    RoleLookup SKIPPED = roleArnOrName -> RoleResolution.unknown("role checks were skipped");

    /** Looks a role up by full ARN or by name (task definitions accept both). */
    RoleResolution find(String roleArnOrName);
}
