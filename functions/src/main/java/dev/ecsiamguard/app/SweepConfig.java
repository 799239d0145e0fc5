package dev.ecsiamguard.app;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.github.GitHubDeployments;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import java.util.Map;
import java.util.Optional;

/**
 * What a sweep judges with and where it looks: the validation settings of the task-definition function (threshold,
 * registries, role pinning), the GitHub deployments, and for an organization sweep the member role to assume.
 *
 * @param organization sweep every ACTIVE account of the organization instead of the caller's own account
 * @param memberRoleName the read-only role each member account has (templates/sweep-member-role.yaml)
 */
public record SweepConfig(ValidationConfig validation, ProvisioningConfig provisioning,
                          GitHubDeployments deployments, boolean organization, String memberRoleName) {

    public static final String DEFAULT_MEMBER_ROLE = "ecs-iam-guard-sweep-reader";

    public static SweepConfig fromEnvironment(Map<String, String> env) {
        ProvisioningConfig provisioning = ProvisioningConfig.fromEnvironment(env);
        String region = env.getOrDefault("DEPLOY_REGION", "");
        GitHubDeployments deployments = GitHubDeployments.parse(env.get(GitHubDeployments.VARIABLE),
                provisioning.clusterName(), region.isBlank() ? Optional.empty() : Optional.of(region.trim()));
        String scope = env.getOrDefault("SWEEP_SCOPE", "account").strip();
        if (!scope.equals("account") && !scope.equals("organization")) {
            throw new IllegalArgumentException("SWEEP_SCOPE is `" + scope + "`: expected account or organization");
        }
        String role = env.getOrDefault("SWEEP_MEMBER_ROLE", "").strip();
        if (!role.isEmpty() && !role.matches("[\\w+=,.@-]{1,64}")) {
            throw new IllegalArgumentException("SWEEP_MEMBER_ROLE is `" + role + "`: not an IAM role name");
        }
        return new SweepConfig(ValidationConfig.fromEnvironment(env), provisioning, deployments,
                scope.equals("organization"), role.isEmpty() ? DEFAULT_MEMBER_ROLE : role);
    }

    public Severity threshold() {
        return validation.threshold();
    }

    public SweepConfig withOrganization(boolean organization, String memberRoleName) {
        return new SweepConfig(validation, provisioning, deployments, organization, memberRoleName);
    }
}
