package dev.ecsiamguard.core.trust;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.ArrayList;
import java.util.List;

/**
 * Without `aws:SourceAccount` and `aws:SourceArn`, ECS acting for another account could be made to assume the
 * role (confused deputy); AWS documents both conditions for task roles.
 */
final class EcsTrustHasConfusedDeputyConditions implements TrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("TRUST-CONFUSED-DEPUTY", Severity.MEDIUM,
            "ECS task trust is limited to this account's ECS resources",
            "Add aws:SourceAccount (StringEquals) and aws:SourceArn (ArnLike arn:<partition>:ecs:<region>:<account>:*)"
                    + " conditions to the ecs-tasks.amazonaws.com statement.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TrustedRole role) {
        List<Finding> out = new ArrayList<>();
        for (TrustGrant grant : role.ecsTasksGrants()) {
            List<String> missing = new ArrayList<>();
            if (grant.conditionsOn("aws:SourceAccount").isEmpty()) {
                missing.add("aws:SourceAccount");
            }
            if (grant.conditionsOn("aws:SourceArn").isEmpty()) {
                missing.add("aws:SourceArn");
            }
            if (missing.size() == 2) {
                out.add(Finding.of(METADATA, role.roleArn(), "Role " + role.roleArn() + " trusts "
                        + TrustedRole.ECS_TASKS + " in " + grant.source().describe() + " without "
                        + String.join(" and ", missing) + ".").withFix(fix(role)));
            } else if (missing.size() == 1) {
                // ECS documents either key as the confused-deputy protection: with one, only hardening is left.
                out.add(Finding.of(METADATA, role.roleArn(), "Role " + role.roleArn() + " trusts "
                        + TrustedRole.ECS_TASKS + " in " + grant.source().describe() + " with "
                        + (missing.contains("aws:SourceArn") ? "aws:SourceAccount" : "aws:SourceArn")
                        + ", which protects against the confused deputy; adding " + missing.get(0)
                        + " only narrows it further.").withSeverity(Severity.LOW).withFix(fix(role)));
            }
        }
        return out;
    }

    static String fix(TrustedRole role) {
        String account = role.account().orElse("<account>");
        return "Add \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"" + account + "\"}, \"ArnLike\": "
                + "{\"aws:SourceArn\": \"arn:" + role.partition() + ":ecs:<region>:" + account + ":*\"}}.";
    }
}
