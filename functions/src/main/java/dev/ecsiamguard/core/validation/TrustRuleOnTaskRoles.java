package dev.ecsiamguard.core.validation;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.roles.RoleAnalysisContext;
import dev.ecsiamguard.core.roles.RoleRule;
import dev.ecsiamguard.core.roles.RoleSnapshot;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.trust.TrustRule;
import dev.ecsiamguard.core.trust.TrustRules;
import dev.ecsiamguard.core.trust.TrustedRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one trust-policy rule (catalog §9.4, EXEC-TRUST) on the execution and task roles a revision references,
 * so the task-definition validator and the GitHub checker share one implementation of those rules.
 */
final class TrustRuleOnTaskRoles implements RoleRule {

    /** Every trust rule, adapted. */
    static final List<RoleRule> ALL = TrustRules.ALL.stream().<RoleRule>map(TrustRuleOnTaskRoles::new).toList();

    private final TrustRule rule;

    TrustRuleOnTaskRoles(TrustRule rule) {
        this.rule = rule;
    }

    @Override
    public RuleMetadata metadata() {
        return rule.metadata();
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        // INVARIANT: a role used as both execution and task role is checked once.
        Map<String, RoleSnapshot> roles = new LinkedHashMap<>();
        ctx.executionRole().ifPresent(r -> roles.put(r.role().arn(), r.role()));
        ctx.taskRole().ifPresent(r -> roles.putIfAbsent(r.role().arn(), r.role()));
        List<Finding> findings = new ArrayList<>();
        for (RoleSnapshot role : roles.values()) {
            Optional<String> account = TrustedRole.accountOf(role.arn());
            findings.addAll(rule.check(TrustedRole.of(role.arn(), account, role.trustPolicy(), true)));
        }
        return findings;
    }
}
