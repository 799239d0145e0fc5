package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fixtures: the payments-api deployment of the README, with and without immutable ids. */
final class Deployments {

    static final ProvisioningConfig CONFIG = ProvisioningConfig.fromEnvironment(Map.of());
    static final AccountScope SCOPE = AccountScope.of("123456789012", "us-east-1");

    private Deployments() {
    }

    static GitHubDeployment payments(boolean ids) {
        return new GitHubDeployment("payments-api", "acme", "payments-api",
                ids ? Optional.of("123456") : Optional.empty(), ids ? Optional.of("789012") : Optional.empty(),
                List.of("main"), List.of("production"), false, "payments/api", "ecs-dev", "payments-api",
                Optional.empty(), false);
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
