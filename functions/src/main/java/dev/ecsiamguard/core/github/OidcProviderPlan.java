package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleRunner;
import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides about GitHub's provider: create it when absent, never replace or change one that exists (other
 * roles depend on it), and report what is off about an existing one (catalog 9.5, provider rows).
 */
public final class OidcProviderPlan {

    private OidcProviderPlan() {
    }

    /** The change that creates the provider, or none when it exists. */
    public static Optional<Change> change(OidcProviderState state, String partition) {
        return state.exists() ? Optional.empty() : Optional.of(new Change.CreateOidcProvider(GitHubOidc.URL,
                List.of(GitHubOidc.audience(partition)), Map.of("ManagedBy", ServiceBlueprint.MANAGED_BY)));
    }

    /** The provider rules on an existing provider; nothing to judge when it is absent. */
    public static Report check(OidcProviderState state, String partition) {
        return RuleRunner.run(OidcProviderRules.ALL, new OidcProviderRules.Subject(state, partition), state.arn());
    }
}
