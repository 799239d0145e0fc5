package dev.ecsiamguard.core.trust;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.PrincipalKind;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.List;
import java.util.Optional;

/** A third party trusted without `sts:ExternalId` can be tricked into acting on this account for someone else. */
final class CrossAccountTrustHasExternalId implements TrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("TRUST-XACCOUNT-NO-EXTID", Severity.HIGH,
            "Cross-account trust requires an external id",
            "Add \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"<value agreed with the other account>\"}}.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TrustedRole role) {
        return role.grants().stream()
                .filter(g -> g.kind() == PrincipalKind.AWS && !g.principal().equals("*"))
                .filter(g -> isOtherAccount(g, role.account()))
                .filter(g -> g.conditionsOn("sts:ExternalId").isEmpty())
                .map(g -> Finding.of(METADATA, role.roleArn(), "Role " + role.roleArn() + " trusts "
                        + g.principal() + " of another account without an sts:ExternalId condition."))
                .toList();
    }

    private static boolean isOtherAccount(TrustGrant grant, Optional<String> own) {
        String principal = grant.principal();
        String account = principal.matches("\\d{12}") ? principal : TrustedRole.accountOf(principal).orElse("");
        return own.isPresent() && !account.isEmpty() && !account.equals(own.get());
    }
}
