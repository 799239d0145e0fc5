package dev.ecsiamguard.core.remediate;

import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.Statement;
import dev.ecsiamguard.core.provision.SpecExecutionGrants;
import dev.ecsiamguard.core.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The upgrade path from the earlier record of remediation grants, the execution role's own inline policy
 * {@value #POLICY_NAME}: its grants are adopted into the service's spec, whose execution policy then carries them.
 * The old policy is left in place (ecs-iam-guard never deletes); provisioning says it may be removed.
 */
public final class ExecutionGrants {

    /** The inline policy on the execution role that earlier versions recorded remediation's grants in. */
    public static final String POLICY_NAME = "ecs-iam-guard-remediation";

    private ExecutionGrants() {
    }

    /** The grants a policy written by an earlier version holds: one per statement and resource. */
    public static List<ExecutionGrant> parse(String document) {
        return grants(PolicyDocument.parseIdentity(document));
    }

    /** The same, from the parsed policy. */
    public static List<ExecutionGrant> grants(PolicyDocument document) {
        List<ExecutionGrant> grants = new ArrayList<>();
        for (Statement s : document.statements()) {
            for (String resource : s.resources()) {
                grants.add(new ExecutionGrant(s.actions(), resource));
            }
        }
        return grants;
    }

    /**
     * The spec with every grant of the old policy that a spec can record (its ARN says all its actions); any
     * other stays only in the old policy, which is never removed automatically.
     */
    public static ServiceSpec adopt(ServiceSpec spec, String oldPolicy) {
        ServiceSpec next = spec;
        for (ExecutionGrant grant : parse(oldPolicy)) {
            if (recordable(grant)) {
                next = next.withExecutionGrant(grant.resource());
            }
        }
        return next;
    }

    /** True when a spec can record the grant: its ARN says every action it carries. */
    public static boolean recordable(ExecutionGrant grant) {
        try {
            return SpecExecutionGrants.actionsFor(grant.resource()).containsAll(grant.actions());
        } catch (IllegalArgumentException notGrantable) {
            return false;
        }
    }
}
