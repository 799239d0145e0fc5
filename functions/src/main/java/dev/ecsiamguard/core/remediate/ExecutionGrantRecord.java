package dev.ecsiamguard.core.remediate;

import java.util.List;

/**
 * Where remediation's grants are recorded durably, so that provisioning keeps them instead of reverting them.
 * Today the record is the execution role's own inline policy {@value ExecutionGrants#POLICY_NAME}
 * ({@code aws.RolePolicyGrantRecord}); the service's declared spec can take its place by implementing this.
 */
public interface ExecutionGrantRecord {

    /** The grants recorded for this execution role; empty when none. */
    List<ExecutionGrant> grants(String executionRoleName);

    /** Records the grants not recorded yet and returns them; writes nothing when there are none. */
    List<ExecutionGrant> add(String executionRoleName, List<ExecutionGrant> grants);
}
