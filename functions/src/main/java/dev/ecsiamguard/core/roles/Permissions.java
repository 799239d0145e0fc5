package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.policy.EvaluationResult;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Request;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Answers "may this role do what the revision needs?" with the policy engine and turns each gap into a finding
 * whose fix is the exact statement that closes it; an answer that hangs on unknown context is reported as such.
 */
final class Permissions {

    /** Undecided answers are reported below the rule's severity: they may well be fine. */
    static final Severity UNDECIDED = Severity.MEDIUM;

    private Permissions() {
    }

    /** One finding per need the role does not clearly meet, in the needs' order. */
    static List<Finding> gaps(RuleMetadata rule, TaskDefinition td, RoleAnalysisContext ctx,
                              RoleAnalysisContext.Analyzed role, String roleKind, List<Need> needs, String unseen) {
        // unseen: a lower-case clause (no final period) naming what the answer also depends on but cannot be seen
        List<Finding> findings = new ArrayList<>();
        Map<String, Need> unique = new LinkedHashMap<>();
        needs.forEach(n -> unique.putIfAbsent(n.actions() + " " + n.resource(), n));
        for (Need need : unique.values()) {
            List<String> denied = new ArrayList<>();
            TreeSet<String> missingKeys = new TreeSet<>();
            for (String action : need.actions()) {
                EvaluationResult result = evaluate(role.evaluator(), action, need.resource(), role.role(), ctx);
                if (result.isDenied()) {
                    denied.add(action);
                } else if (!result.isConclusive()) {
                    missingKeys.addAll(result.missingContextKeys());
                }
            }
            String who = roleKind + " role " + role.role().name();
            String end = unseen.isEmpty() ? "." : "; " + unseen + ".";
            if (!denied.isEmpty()) {
                findings.add(Finding.of(rule, td.resourceArn(), who + " is not allowed " + String.join(", ", denied)
                                + " on " + need.resource() + ", which " + need.why() + " of task definition "
                                + td.displayName() + " needs" + end)
                        .withFix(statement(denied, need.fixResource())));
            } else if (!missingKeys.isEmpty()) {
                findings.add(Finding.of(rule, td.resourceArn(), "Whether " + who + " may "
                                + String.join(", ", need.actions()) + " on " + need.resource() + " (" + need.why()
                                + ") depends on condition keys " + missingKeys + " that cannot be known here.")
                        .withSeverity(UNDECIDED)
                        .withFix("Check that the conditions on " + missingKeys + " hold when the ECS agent starts "
                                + "the task, or grant " + statement(need.actions(), need.fixResource())));
            }
        }
        return findings;
    }

    /** Decides one request as the role would make it, with the context keys that are known for any call. */
    static EvaluationResult evaluate(PolicyEvaluator evaluator, String action, String resource, RoleSnapshot role,
                                     RoleAnalysisContext ctx) {
        return evaluate(evaluator, action, resource, role, ctx, Map.of());
    }

    /** The same, with request-specific context keys such as {@code elasticfilesystem:AccessPointArn}. */
    static EvaluationResult evaluate(PolicyEvaluator evaluator, String action, String resource, RoleSnapshot role,
                                     RoleAnalysisContext ctx, Map<String, String> extra) {
        Request base = Request.of(action, resource)
                .with("aws:PrincipalArn", role.arn())
                .with("aws:PrincipalType", "AssumedRole")
                .with("aws:PrincipalIsAWSService", "false");
        for (Map.Entry<String, String> e : extra.entrySet()) {
            base = base.with(e.getKey(), e.getValue());
        }
        Request request = base;
        Request withAccount = ctx.accountIfKnown().map(a -> request.with("aws:PrincipalAccount", a)).orElse(request);
        String region = ArnParts.field(resource, 3).orElse(null);
        return evaluator.evaluate(region == null ? withAccount : withAccount.with("aws:RequestedRegion", region));
    }

    static boolean allowed(RoleAnalysisContext.Analyzed role, String action, String resource,
                           RoleAnalysisContext ctx) {
        return evaluate(role.evaluator(), action, resource, role.role(), ctx).isAllowed();
    }

    /** The statement that grants the actions on the resource, as compact JSON. */
    static String statement(List<String> actions, String resource) {
        return statement(actions, List.of(resource));
    }

    /** The statement that grants the actions on the resources; single values are written as strings. */
    static String statement(List<String> actions, List<String> resources) {
        Object action = actions.size() == 1 ? actions.get(0) : List.copyOf(actions);
        Object resource = resources.size() == 1 ? resources.get(0) : List.copyOf(resources);
        return Json.write(Json.object("Effect", "Allow", "Action", action, "Resource", resource));
    }
}
