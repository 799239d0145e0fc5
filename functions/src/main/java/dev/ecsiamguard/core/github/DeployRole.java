package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.policy.EscalationAnalysis;
import dev.ecsiamguard.core.policy.EvaluationResult;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.PolicyQuestions;
import dev.ecsiamguard.core.policy.Request;
import dev.ecsiamguard.core.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A GitHub deploy role's permissions, asked the deploy questions by evaluation: each question is tried on the
 * resources the policies name and on canaries (a role, repository, service and task nobody configured), so a
 * wildcard shows up as access to a canary, judged with the conditions.
 */
public record DeployRole(String roleArn, String account, String partition, List<NamedPolicy> identityPolicies,
                         Optional<NamedPolicy> boundary, Optional<DeployTarget> target) {

    static final String CANARY = "ecs-iam-guard-canary";
    static final String ECS_TASKS = "ecs-tasks.amazonaws.com";

    public DeployRole {
        identityPolicies = List.copyOf(identityPolicies);
    }

    PolicyEvaluator evaluator() {
        return new PolicyEvaluator(identityPolicies, boundary.orElse(null));
    }

    /** The engine's admin-equivalence and escalation verdict on these permissions, in the target's region. */
    EscalationAnalysis.Verdict escalation() {
        return new EscalationAnalysis(evaluator(), new EscalationAnalysis.Subject(roleArn, partition, account,
                target.map(DeployTarget::region).orElse("us-east-1"))).analyse();
    }

    String canaryRole() {
        return "arn:" + partition + ":iam::" + account + ":role/" + CANARY;
    }

    /** One canary per region the policies mention (and the target's), so region-scoped wildcards are caught. */
    List<String> canaries(String service, String resource) {
        return regions().stream().map(r -> "arn:" + partition + ":" + service + ":" + r + ":" + account + ":"
                + resource).toList();
    }

    /** Resources the Allow statements name for an action, as written (patterns evaluate as themselves). */
    List<String> namedResources(String action) {
        List<String> out = new ArrayList<>();
        for (NamedPolicy policy : identityPolicies) {
            for (Statement s : policy.document().statements()) {
                if (s.isAllow() && PolicyQuestions.grantsAction(s, action)) {
                    out.addAll(s.resources());
                }
            }
        }
        return out;
    }

    /** Resources among the candidates on which the action may be allowed, given one condition key or none. */
    List<String> allowedOn(String action, List<String> resources, String key, String value) {
        PolicyEvaluator evaluator = evaluator();
        return resources.stream().distinct().filter(resource -> {
            Request request = Request.of(action, resource);
            EvaluationResult result = evaluator.evaluate(key == null ? request : request.with(key, value));
            return !result.isDenied();
        }).toList();
    }

    boolean mayDoAnywhere(String action, List<String> canaries) {
        List<String> candidates = new ArrayList<>(canaries);
        candidates.addAll(namedResources(action));
        return !allowedOn(action, candidates, null, null).isEmpty();
    }

    private Set<String> regions() {
        Set<String> regions = new LinkedHashSet<>();
        target.ifPresent(t -> regions.add(t.region()));
        for (NamedPolicy policy : identityPolicies) {
            for (Statement s : policy.document().statements()) {
                for (String resource : s.resources()) {
                    String[] parts = resource.split(":", 6);
                    if (parts.length == 6 && parts[3].matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                        regions.add(parts[3]);
                    }
                }
            }
        }
        regions.add("us-east-1");
        return regions;
    }
}
