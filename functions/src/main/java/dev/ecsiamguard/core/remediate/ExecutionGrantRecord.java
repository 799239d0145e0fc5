package dev.ecsiamguard.core.remediate;

import java.util.List;
import java.util.Optional;

/**
 * Where remediation's grants are recorded durably, so that provisioning keeps them instead of reverting them:
 * the service's spec ({@link SpecGrantRecord}), from which the execution role's policy is rendered.
 */
public interface ExecutionGrantRecord {

    /**
     * Records the grants and brings the execution role's permissions in line with the record. Returns the grants
     * that were not recorded before (empty on a replay), or nothing when this role has no record to add to.
     */
    Optional<List<ExecutionGrant>> add(String executionRoleName, List<ExecutionGrant> grants);
}
