package dev.ecsiamguard.core.provision.capability;

import dev.ecsiamguard.core.policy.EvaluationResult;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Request;
import java.util.List;
import java.util.Map;

/** Test helper: the policy generated for some declarations, asked questions through the project's engine. */
final class CapabilityPolicies {

    static final String ACCOUNT = "123456789012";
    static final CapabilityScope SCOPE = new CapabilityScope("payments-api", "aws", ACCOUNT,
            List.of("us-east-1"), "dev/payments-api/", "/dev/payments-api/");

    private final PolicyEvaluator evaluator;

    private CapabilityPolicies(String document) {
        this.evaluator = PolicyEvaluator.of(new NamedPolicy("task", PolicyDocument.parseIdentity(document)));
    }

    static CapabilityPolicies of(String... declarations) {
        return new CapabilityPolicies(TaskRoleCapabilities.policy(
                TaskRoleCapabilities.fromList(List.of(declarations), "capabilities"), SCOPE).orElseThrow());
    }

    /** Decides a request whose context holds exactly the given keys (every other key absent, as IAM sees it). */
    EvaluationResult decide(String action, String resource, Map<String, String> context) {
        Request request = Request.of(action, resource).with("aws:ResourceAccount", ACCOUNT);
        for (Map.Entry<String, String> e : context.entrySet()) {
            request = request.with(e.getKey(), e.getValue());
        }
        return evaluator.evaluate(request.withCompleteContext());
    }

    boolean allows(String action, String resource, Map<String, String> context) {
        return decide(action, resource, context).isAllowed();
    }

    boolean allows(String action, String resource) {
        return allows(action, resource, Map.of());
    }
}
