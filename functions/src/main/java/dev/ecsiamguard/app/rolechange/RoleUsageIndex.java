package dev.ecsiamguard.app.rolechange;

import java.util.List;

/** Port: which families and services use a role, and which role-change events were already handled. */
public interface RoleUsageIndex {

    /** Every entry recorded for the role (by role name), in no particular order. */
    List<RoleUser> users(String roleName);

    /** Records the entry; false (and nothing written) when the same entry is already there. */
    boolean record(String roleName, RoleUser user);

    /** Whether a role-change event with this id was already handled to the end. */
    boolean handled(String eventId);

    void markHandled(String eventId);
}
