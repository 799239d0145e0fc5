package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides about GitHub's provider: create it when absent, never replace or change one that exists (other
 * roles depend on it), and report what is off about an existing one (catalog 9.5, provider rows).
 */
public final class OidcProviderPlan {

    static final RuleMetadata AUDIENCE = new RuleMetadata("OIDC-PROVIDER-AUD", Severity.MEDIUM,
            "GitHub provider accepts only the STS audience",
            "Remove every client id but sts.amazonaws.com (sts.amazonaws.com.cn in China) from the provider.");
    static final RuleMetadata THUMBPRINT = new RuleMetadata("OIDC-THUMBPRINT", Severity.INFORMATIONAL,
            "GitHub provider thumbprints are informational only",
            "Nothing to do: IAM validates GitHub's certificate from its own trust store and ignores thumbprints.");

    private OidcProviderPlan() {
    }

    /** The change that creates the provider, or none when it exists. */
    public static Optional<Change> change(OidcProviderState state, String partition) {
        return state.exists() ? Optional.empty() : Optional.of(new Change.CreateOidcProvider(GitHubOidc.URL,
                List.of(GitHubOidc.audience(partition)), Map.of("ManagedBy", ServiceBlueprint.MANAGED_BY)));
    }

    public static List<Finding> check(OidcProviderState state, String partition) {
        List<Finding> out = new ArrayList<>();
        if (!state.exists()) {
            return out;
        }
        String audience = GitHubOidc.audience(partition);
        List<String> others = state.clientIds().stream().filter(c -> !c.equals(audience)).toList();
        if (!others.isEmpty() || state.clientIds().isEmpty()) {
            out.add(Finding.of(AUDIENCE, state.arn(), "Provider " + state.arn() + " accepts client ids "
                    + state.clientIds() + " instead of only " + audience + "."));
        }
        if (!state.thumbprints().isEmpty()) {
            out.add(Finding.of(THUMBPRINT, state.arn(), "Provider " + state.arn() + " lists " + state.thumbprints()
                    .size() + " thumbprint(s), which IAM ignores for GitHub."));
        }
        return out;
    }
}
