package dev.ecsiamguard.app;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.remediate.RemediationPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one remediation granted, refused, or why nothing was considered; and what the validation report must
 * carry besides its rules' own results: findings for keys it may not grant, errors for keys it could not read.
 */
public record RemediationOutcome(String executionRole, List<RemediationPlan.Granted> granted,
                                 List<RemediationPlan.Refused> refused, List<Finding> findings,
                                 List<RuleError> errors, String skipped) {

    public RemediationOutcome {
        granted = List.copyOf(granted);
        refused = List.copyOf(refused);
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }

    static RemediationOutcome skipped(String executionRole, String why) {
        return new RemediationOutcome(executionRole, List.of(), List.of(), List.of(), List.of(), why);
    }

    /** Worth publishing: something was granted, refused or could not be read. */
    public boolean eventful() {
        return !granted.isEmpty() || !refused.isEmpty() || !errors.isEmpty();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("executionRole", executionRole);
        map.put("granted", granted.stream().map(g -> Map.of("actions", g.grant().actions(),
                "resource", g.grant().resource(), "ruleId", g.ruleId(), "why", g.why())).toList());
        map.put("refused", refused.stream().map(r -> {
            Map<String, Object> refusal = new LinkedHashMap<>();
            refusal.put("ruleId", r.ruleId());
            refusal.put("resource", r.resource());
            refusal.put("reason", r.reason());
            if (!r.fix().isEmpty()) {
                refusal.put("fix", r.fix());
            }
            return refusal;
        }).toList());
        if (!errors.isEmpty()) {
            map.put("errors", errors.stream().map(e -> Map.of("ruleId", e.ruleId(), "message", e.message()))
                    .toList());
        }
        if (!skipped.isEmpty()) {
            map.put("skipped", skipped);
        }
        return map;
    }
}
