package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** OIDC-THUMBPRINT: thumbprints on GitHub's provider are no longer used by IAM; informational. */
final class OidcProviderThumbprintsIgnored implements Rule<OidcProviderRules.Subject> {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-THUMBPRINT", Severity.INFORMATIONAL,
            "GitHub provider thumbprints are informational only",
            "Nothing to do: IAM validates GitHub's certificate from its own trust store and ignores thumbprints.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(OidcProviderRules.Subject subject) {
        OidcProviderState state = subject.state();
        if (!state.exists() || state.thumbprints().isEmpty()) {
            return List.of();
        }
        return List.of(Finding.of(METADATA, state.arn(), "Provider " + state.arn() + " lists "
                + state.thumbprints().size() + " thumbprint(s), which IAM ignores for GitHub."));
    }
}
