package dev.ecsiamguard.app;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyParseException;
import dev.ecsiamguard.core.provision.DesiredService;
import dev.ecsiamguard.core.provision.RoleState;
import dev.ecsiamguard.core.provision.ServiceState;
import dev.ecsiamguard.core.trust.TrustRules;
import dev.ecsiamguard.core.trust.TrustedRole;
import java.util.ArrayList;
import java.util.List;

/**
 * The extension point of `GET /services/{service}`: findings about a service's current roles beyond provisioning
 * drift, such as a trust policy someone loosened by hand.
 */
@FunctionalInterface
public interface ServiceFindings {

    /** No findings beyond drift. */
    ServiceFindings NONE = (desired, state) -> List.of();

    /** The trust-policy rules (confused deputy, public or extra principals, ...) on both roles as they are now. */
    ServiceFindings TRUST = (desired, state) -> {
        List<Finding> findings = new ArrayList<>();
        for (RoleState role : List.of(state.executionRole(), state.taskRole())) {
            if (!role.exists() || role.trustPolicy().isBlank()) {
                continue;
            }
            try {
                NamedPolicy trust = new NamedPolicy("trust", PolicyDocument.parseTrust(role.trustPolicy()));
                findings.addAll(TrustRules.check(TrustedRole.of(role.arn(), TrustedRole.accountOf(role.arn()), trust,
                        true)));
            } catch (PolicyParseException unparsable) {
                // IAM accepted it, so this is a gap in our parser; drift findings still describe the role
            }
        }
        return findings;
    };

    List<Finding> of(DesiredService desired, ServiceState state);
}
