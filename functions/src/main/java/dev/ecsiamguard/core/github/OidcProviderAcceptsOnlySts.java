package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** OIDC-PROVIDER-AUD: GitHub's provider should accept only STS's own client id. */
final class OidcProviderAcceptsOnlySts implements Rule<OidcProviderRules.Subject> {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-PROVIDER-AUD", Severity.MEDIUM,
            "GitHub provider accepts only the STS audience",
            "Remove every client id but sts.amazonaws.com (sts.amazonaws.com.cn in China) from the provider.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(OidcProviderRules.Subject subject) {
        OidcProviderState state = subject.state();
        if (!state.exists()) {
            return List.of();
        }
        String audience = GitHubOidc.audience(subject.partition());
        List<String> others = state.clientIds().stream().filter(c -> !c.equals(audience)).toList();
        if (others.isEmpty() && !state.clientIds().isEmpty()) {
            return List.of();
        }
        return List.of(Finding.of(METADATA, state.arn(), "Provider " + state.arn() + " accepts client ids "
                + state.clientIds() + " instead of only " + audience + "."));
    }
}
