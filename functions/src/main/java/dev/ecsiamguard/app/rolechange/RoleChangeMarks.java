package dev.ecsiamguard.app.rolechange;

import java.util.List;

/**
 * Port: records that roles changed (at the CloudTrail event's time), so that no execution environment keeps
 * trusting what it read of them before; a marker only moves forward, so a replay writes nothing.
 */
public interface RoleChangeMarks {

    /** Returns the roles whose marker moved (none on a replay or for an older event). */
    List<String> changed(List<String> roleNames, String eventTime);
}
