package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.github.DeployRoleBlueprint;
import dev.ecsiamguard.core.github.DeployTarget;
import dev.ecsiamguard.core.github.GitHubDeployment;
import dev.ecsiamguard.core.github.GitHubDeployments;
import dev.ecsiamguard.core.github.RoleChecks;
import dev.ecsiamguard.core.github.RoleDocuments;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a checked role to the {@code --github-deployments} entry whose deploy role it is, by the role name the
 * stack would give it ({@code NAME_PREFIX} and {@code ROLE_PATH} from the environment, as in the function), so an
 * offline check holds a deploy role to the same repository, branches and resources.
 */
final class DeploymentExpectations {

    private static final String FALLBACK_REGION = "us-east-1";

    private final ProvisioningConfig config;
    private final GitHubDeployments deployments;
    private final String region;
    private final String source;

    private DeploymentExpectations(ProvisioningConfig config, GitHubDeployments deployments, String region,
                                   String source) {
        this.config = config;
        this.deployments = deployments;
        this.region = region;
        this.source = source;
    }

    /** Reads the optional file; any problem with it or with the naming settings is unusable input (exit 2). */
    static DeploymentExpectations open(Path file, Map<String, String> env) throws CliFailure {
        String region = Optional.ofNullable(env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION")))
                .filter(r -> !r.isBlank()).map(String::trim).orElse(FALLBACK_REGION);
        try {
            ProvisioningConfig config = ProvisioningConfig.fromEnvironment(env);
            if (file == null) {
                return new DeploymentExpectations(config, GitHubDeployments.none(), region, null);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new DeploymentExpectations(config, GitHubDeployments.parse(text, config.clusterName(),
                    Optional.of(region)), region, file.toString());
        } catch (IOException | IllegalArgumentException e) {
            String where = file == null ? "" : "--github-deployments " + file + ": ";
            throw CliFailure.input(where + e.getMessage());
        }
    }

    /** One sentence for the output header on what roles are held to. */
    String note() {
        if (source == null) {
            return "roles and policies read from the files given; no --github-deployments, so deploy roles are "
                    + "not matched to configured deployments";
        }
        return "roles and policies read from the files given; deploy roles matched by name to the "
                + deployments.all().size() + " deployment(s) of " + source;
    }

    /** The configured deployment whose deploy role this is; none for a bare policy, which has no name or account. */
    RoleChecks.Expectation of(RoleDocuments role) {
        boolean tagged = isProduction(role.tags().get("Environment"));
        if (role.account().isEmpty()) {
            return new RoleChecks.Expectation(Optional.empty(), Optional.empty(), tagged);
        }
        AccountScope scope = AccountScope.of(role.account().get(), region);
        DeployRoleBlueprint blueprint = new DeployRoleBlueprint(config, scope);
        Optional<GitHubDeployment> deployment = deployments.all().stream()
                .filter(d -> blueprint.target(d).deployRoleName().equals(role.name())).findFirst();
        Optional<DeployTarget> target = deployment.map(blueprint::target);
        return new RoleChecks.Expectation(deployment, target, tagged);
    }

    private static boolean isProduction(String environment) {
        String env = environment == null ? "" : environment.toLowerCase(Locale.ROOT);
        return env.equals("prod") || env.equals("production");
    }
}
