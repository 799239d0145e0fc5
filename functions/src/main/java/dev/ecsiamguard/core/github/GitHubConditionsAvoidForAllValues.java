package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.ConditionClause;
import dev.ecsiamguard.core.policy.SetQualifier;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.ArrayList;
import java.util.List;

/** `ForAllValues:` on the single-valued `sub` or `aud` holds when the claim is absent, so it gates nothing. */
final class GitHubConditionsAvoidForAllValues implements GitHubTrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-FORALLVALUES", Severity.HIGH,
            "GitHub conditions do not use ForAllValues",
            "Drop the ForAllValues: prefix: use StringEquals (or StringLike) on sub and aud.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(GitHubTrust trust) {
        List<Finding> out = new ArrayList<>();
        for (TrustGrant grant : trust.grants()) {
            String issuer = GitHubTrust.issuer(grant);
            for (ConditionClause clause : grant.conditions()) {
                boolean github = clause.isOn(GitHubOidc.subKey(issuer)) || clause.isOn(GitHubOidc.audKey(issuer));
                if (github && clause.qualifier() == SetQualifier.FOR_ALL_VALUES) {
                    out.add(Finding.of(METADATA, trust.roleArn(), "Role " + trust.roleArn() + " uses "
                            + clause.operatorText() + " on " + clause.key() + ", which is true when the claim is "
                            + "absent.").withFix(trust.pinnedCondition(grant)));
                }
            }
        }
        return out;
    }
}
