package dev.ecsiamguard.core.github;

import static dev.ecsiamguard.core.json.Json.object;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.DesiredRole;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deploy role of one GitHub deployment, least privilege: push to one repository, register task definitions,
 * update one service, and pass exactly the service's two roles, only to ECS tasks.
 */
public final class DeployRoleBlueprint {

    public static final String POLICY_NAME = "ecs-iam-guard-github-deploy";
    public static final List<String> PUSH_ACTIONS = List.of("ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload",
            "ecr:PutImage", "ecr:UploadLayerPart");

    private final ProvisioningConfig config;
    private final AccountScope scope;

    public DeployRoleBlueprint(ProvisioningConfig config, AccountScope scope) {
        this.config = config;
        this.scope = scope;
    }

    public DeployTarget target(GitHubDeployment deployment) {
        return DeployTarget.of(deployment, config, scope);
    }

    public DesiredRole desired(GitHubDeployment deployment) {
        DeployTarget target = target(deployment);
        Map<String, String> tags = Map.of("ManagedBy", ServiceBlueprint.MANAGED_BY, "Service", deployment.service(),
                "Environment", config.environment(), "GitHubRepository", deployment.fullName());
        return new DesiredRole(target.deployRoleName(), config.rolePath(),
                "GitHub Actions deploy role of " + deployment.service() + " for " + deployment.fullName(),
                trustPolicy(deployment), Map.of(POLICY_NAME, permissions(target)), List.of(),
                config.permissionsBoundaryArn(), tags);
    }

    /** GitHub's provider, audience STS, `sub` pinned to the configured branches and environments exactly. */
    public String trustPolicy(GitHubDeployment deployment) {
        List<String> subjects = deployment.subjects();
        return Json.write(object("Version", "2012-10-17", "Statement", List.of(object(
                "Sid", "GitHubActionsDeploy",
                "Effect", "Allow",
                "Principal", object("Federated", GitHubOidc.providerArn(scope.partition(), scope.account())),
                "Action", GitHubOidc.ASSUME_ACTION,
                "Condition", object("StringEquals", object(
                        GitHubOidc.audKey(GitHubOidc.HOST), GitHubOidc.audience(scope.partition()),
                        GitHubOidc.subKey(GitHubOidc.HOST), subjects.size() == 1 ? subjects.get(0) : subjects))))));
    }

    public String permissions(DeployTarget target) {
        Map<String, Object> passRole = allow("PassServiceRolesToEcsTasks", List.of("iam:PassRole"),
                List.of(target.executionRoleArn(), target.taskRoleArn()));
        passRole.put("Condition", object("StringEquals", object("iam:PassedToService", "ecs-tasks.amazonaws.com")));
        return Json.write(object("Version", "2012-10-17", "Statement", List.of(
                allow("EcrAuthorizationToken", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                allow("PushServiceImage", PUSH_ACTIONS, List.of(target.repositoryArn())),
                allow("TaskDefinitions", List.of("ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"),
                        List.of("*")),
                allow("DeployService", List.of("ecs:UpdateService", "ecs:DescribeServices"),
                        List.of(target.serviceArn())),
                passRole)));
    }

    private static Map<String, Object> allow(String sid, List<String> actions, List<String> resources) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions.size() == 1 ? actions.get(0) : actions);
        statement.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
        return statement;
    }
}
