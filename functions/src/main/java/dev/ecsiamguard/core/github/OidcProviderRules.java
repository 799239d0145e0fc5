package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Rule;
import java.util.List;

/** The rules on GitHub's IAM OIDC provider (catalog 9.5, provider rows), listed explicitly. */
public final class OidcProviderRules {

    /** What a provider rule judges: the provider as it is, and the partition that decides the right audience. */
    public record Subject(OidcProviderState state, String partition) {
    }

    public static final List<Rule<Subject>> ALL = List.of(new OidcProviderAcceptsOnlySts(),
            new OidcProviderThumbprintsIgnored());

    private OidcProviderRules() {
    }
}
