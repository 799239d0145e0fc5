package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.ServiceIdentity;

/** The exact resources one deployment may touch; the blueprint grants them and the checker expects them. */
public record DeployTarget(String deployRoleName, String deployRoleArn, String executionRoleArn, String taskRoleArn,
                           String repositoryArn, String serviceArn, String region) {

    public static final String ROLE_NAME_TEMPLATE = "{prefix}-{service}-github-deploy";

    public static DeployTarget of(GitHubDeployment deployment, ProvisioningConfig config, AccountScope home) {
        AccountScope scope = deployment.region().map(r -> AccountScope.of(home.account(), r)).orElse(home);
        ServiceIdentity identity = ServiceIdentity.forService(deployment.service(), deployment.ecrRepository(),
                config);
        String name = config.expand(ROLE_NAME_TEMPLATE, deployment.service());
        if (!name.matches("[\\w+=,.@-]{1,64}")) {
            throw new IllegalArgumentException("deploy role name `" + name + "` for service `" + deployment.service()
                    + "` is not a valid IAM role name (at most 64 characters)");
        }
        return new DeployTarget(name, scope.roleArn(config.rolePath(), name),
                scope.roleArn(config.rolePath(), identity.executionRoleName()),
                scope.roleArn(config.rolePath(), identity.taskRoleName()),
                scope.arn("ecr", "repository/" + deployment.ecrRepository()),
                scope.arn("ecs", "service/" + deployment.cluster() + "/" + deployment.ecsService()), scope.region());
    }
}
