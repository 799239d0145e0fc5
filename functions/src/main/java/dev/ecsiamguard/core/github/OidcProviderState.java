package dev.ecsiamguard.core.github;

import java.util.List;

/** GitHub's IAM OIDC provider in one account as it is now, or its absence. */
public record OidcProviderState(boolean exists, String arn, List<String> clientIds, List<String> thumbprints) {

    public OidcProviderState {
        clientIds = List.copyOf(clientIds);
        thumbprints = List.copyOf(thumbprints);
    }

    public static OidcProviderState absent(String arn) {
        return new OidcProviderState(false, arn, List.of(), List.of());
    }
}
