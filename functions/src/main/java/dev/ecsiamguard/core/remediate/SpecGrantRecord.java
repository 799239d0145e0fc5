package dev.ecsiamguard.core.remediate;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.provision.SpecExecutionGrants;
import dev.ecsiamguard.core.spec.ServiceSpec;
import dev.ecsiamguard.core.spec.ServiceSpecStore;
import dev.ecsiamguard.core.spec.SpecConflictException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records grants in the service's spec ({@code executionGrants}, keyed by the execution role's name), then writes
 * the execution policy the blueprint renders from that spec. The spec write is conditional on the version read,
 * so concurrent remediations keep each other's grants; after writing the policy the spec is read again and the
 * policy rewritten while it moved, so the last writer always wrote from the latest spec.
 */
public final class SpecGrantRecord implements ExecutionGrantRecord {

    private static final int MAX_ROUNDS = 4;

    private final ServiceSpecStore specs;
    private final InlinePolicies policies;
    private final Function<ServiceSpec, String> executionPolicy;

    /** @param executionPolicy the execution policy document the blueprint renders from a spec */
    public SpecGrantRecord(ServiceSpecStore specs, InlinePolicies policies,
                           Function<ServiceSpec, String> executionPolicy) {
        this.specs = specs;
        this.policies = policies;
        this.executionPolicy = executionPolicy;
    }

    @Override
    public Optional<List<ExecutionGrant>> add(String executionRoleName, List<ExecutionGrant> grants) {
        Optional<ServiceSpec> before = specs.read(executionRoleName);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        List<String> arns = grants.stream().map(SpecGrantRecord::arn).distinct().toList();
        ServiceSpec spec = specs.update(executionRoleName, before::get, current -> {
            ServiceSpec next = current;
            for (String arn : arns) {
                next = next.withExecutionGrant(arn);
            }
            return next;
        });
        for (int round = 1; ; round++) {
            String document = executionPolicy.apply(spec);
            Optional<String> current = policies.read(executionRoleName, ServiceBlueprint.EXECUTION_POLICY_NAME);
            if (current.isEmpty() || !Json.sameValue(current.get(), document)) {
                policies.put(executionRoleName, ServiceBlueprint.EXECUTION_POLICY_NAME, document);
            }
            ServiceSpec latest = specs.read(executionRoleName).orElse(spec);
            if (latest.sameDeclaration(spec)) {
                break;
            }
            if (round == MAX_ROUNDS) {
                throw new SpecConflictException("the spec `" + executionRoleName + "` kept changing while its "
                        + "execution policy was written; the event will be retried");
            }
            spec = latest;
        }
        List<String> recorded = before.get().executionGrants();
        return Optional.of(grants.stream().filter(g -> !recorded.contains(arn(g))).distinct().toList());
    }

    // The spec records the ARN alone: it must say every action the grant carries.
    private static String arn(ExecutionGrant grant) {
        List<String> recordable = SpecExecutionGrants.actionsFor(grant.resource());
        if (!recordable.containsAll(grant.actions())) {
            throw new IllegalArgumentException("grant " + grant.actions() + " on " + grant.resource()
                    + " is not one a spec can record (" + recordable + ")");
        }
        return grant.resource();
    }
}
