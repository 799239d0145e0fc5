package dev.ecsiamguard.app;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
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
 * drift, such as a trust policy someone loosened by hand. The answer is a report so that a rule that could not
 * run (or a document that could not be read) is an error of the service's report, never silence.
 */
@FunctionalInterface
public interface ServiceFindings {

    /** Stands in for a trust rule's id when the trust policy could not be read, so no trust rule could run. */
    String UNREADABLE_TRUST = "PARSE";

    /** No findings beyond drift. */
    ServiceFindings NONE = (desired, state) -> new Report(desired.executionRole().name(), List.of(), List.of());

    /** The trust-policy rules (confused deputy, public or extra principals, ...) on both roles as they are now. */
    ServiceFindings TRUST = (desired, state) -> {
        List<Finding> findings = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        for (RoleState role : List.of(state.executionRole(), state.taskRole())) {
            if (!role.exists()) {
                continue;
            }
            NamedPolicy trust;
            try {
                trust = new NamedPolicy("trust", PolicyDocument.parseTrust(role.trustPolicy()));
            } catch (PolicyParseException unparsable) {
                // IAM accepted it, so this is a gap in our parser: the trust rules could not judge the role.
                errors.add(new RuleError(UNREADABLE_TRUST, role.arn(), "trust policy could not be read, so no"
                        + " trust rule ran on it: " + unparsable.getMessage()));
                continue;
            }
            TrustRules.run(TrustedRole.of(role.arn(), TrustedRole.accountOf(role.arn()), trust, true), findings,
                    errors);
        }
        return new Report(desired.executionRole().name(), findings, errors);
    };

    /** Findings and errors about the service's roles as they are now. */
    Report of(DesiredService desired, ServiceState state);
}
