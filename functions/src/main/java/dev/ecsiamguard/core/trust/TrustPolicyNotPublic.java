package dev.ecsiamguard.core.trust;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.PrincipalKind;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.List;

/** A trust policy that lets any AWS principal assume the role hands the role to every AWS account. */
final class TrustPolicyNotPublic implements TrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("TRUST-PUBLIC", Severity.CRITICAL,
            "Trust policy names who may assume the role",
            "Replace \"Principal\": \"*\" with the account, role or service that needs the role.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TrustedRole role) {
        return role.grants().stream().filter(TrustPolicyNotPublic::isPublic).map(g -> Finding.of(METADATA,
                role.roleArn(), "Role " + role.roleArn() + " lets any AWS principal assume it through "
                        + g.source().describe() + (g.isUnconditioned() ? "" : ", gated only by conditions") + "."))
                .toList();
    }

    private static boolean isPublic(TrustGrant grant) {
        return grant.principal().equals("*")
                && (grant.kind() == PrincipalKind.ANY
                || grant.kind() == PrincipalKind.AWS);
    }
}
