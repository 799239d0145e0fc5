package dev.ecsiamguard.core.remediate;

import java.util.Optional;

/** A role's inline policies, one at a time: what remediation reads and writes on the execution role. */
public interface InlinePolicies {

    /** The policy's document, or empty when the role has no inline policy of that name. */
    Optional<String> read(String roleName, String policyName);

    void put(String roleName, String policyName, String document);
}
