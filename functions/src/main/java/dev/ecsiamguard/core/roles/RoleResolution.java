package dev.ecsiamguard.core.roles;

import java.util.Objects;

/**
 * The answer to "what is this role?": found with its snapshot, known not to exist, or unknown (checks skipped,
 * no access, another account): validators report the last case instead of guessing.
 */
public record RoleResolution(Status status, RoleSnapshot role, String reason) {

    /** Whether the role was found, is known to be missing, or could not be looked at. */
    public enum Status { FOUND, MISSING, UNKNOWN }

    public RoleResolution {
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        if (status == Status.FOUND) {
            Objects.requireNonNull(role, "role");
        }
    }

    public static RoleResolution found(RoleSnapshot role) {
        return new RoleResolution(Status.FOUND, role, "");
    }

    public static RoleResolution missing(String reason) {
        return new RoleResolution(Status.MISSING, null, reason);
    }

    public static RoleResolution unknown(String reason) {
        return new RoleResolution(Status.UNKNOWN, null, reason);
    }
}
