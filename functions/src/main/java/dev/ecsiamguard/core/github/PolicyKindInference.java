package dev.ecsiamguard.core.github;

import java.util.List;
import java.util.Optional;

/**
 * Infers what a bare permission policy is for by asking the engine what it allows, on the resources it names and
 * on canaries (so a Deny, a condition or a boundary that removes an action also removes the evidence), never by
 * reading action names: deploy actions make a deploy role; image pulls, or log writes without ECS Exec, an
 * execution role; the ECS Exec channels a task role; anything else is of unknown use.
 */
public final class PolicyKindInference {

    /** Exec needs these on the task role; the agent never does. */
    static final List<String> EXEC_CHANNELS = List.of("ssmmessages:CreateControlChannel",
            "ssmmessages:OpenControlChannel");

    /**
     * The inferred kind and the evidence, a clause such as {@code it may ecs:RegisterTaskDefinition}.
     */
    public record Inferred(PolicyRoleKind kind, String evidence) {
    }

    private PolicyKindInference() {
    }

    public static Inferred infer(DeployRole policy) {
        Optional<String> deploy = deployAction(policy);
        if (deploy.isPresent()) {
            return new Inferred(PolicyRoleKind.DEPLOY, "it may " + deploy.get());
        }
        String repository = "repository/" + DeployRole.CANARY;
        if (all(policy, List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"), "ecr", repository)) {
            return new Inferred(PolicyRoleKind.EXECUTION, "it may pull images from ECR (ecr:BatchGetImage, "
                    + "ecr:GetDownloadUrlForLayer) and grants no deploy action");
        }
        if (EXEC_CHANNELS.stream().allMatch(a -> policy.mayDoAnywhere(a, List.of("*")))) {
            return new Inferred(PolicyRoleKind.TASK, "it may open ECS Exec channels (" + String.join(", ",
                    EXEC_CHANNELS) + "), which only a task role uses");
        }
        String logGroup = "log-group:" + DeployRole.CANARY + ":log-stream:" + DeployRole.CANARY;
        if (all(policy, List.of("logs:CreateLogStream", "logs:PutLogEvents"), "logs", logGroup)) {
            return new Inferred(PolicyRoleKind.EXECUTION, "it may write container logs (logs:CreateLogStream, "
                    + "logs:PutLogEvents) and grants no deploy action");
        }
        return new Inferred(PolicyRoleKind.OTHER, "it grants no deploy action, no image pull, no log write and no "
                + "ECS Exec channel");
    }

    /** The first deploy action the policy allows: image push, task definition, service, or PassRole to ECS. */
    private static Optional<String> deployAction(DeployRole policy) {
        if (policy.mayDoAnywhere("ecs:RegisterTaskDefinition", List.of("*"))) {
            return Optional.of("ecs:RegisterTaskDefinition");
        }
        List<String> services = policy.canaries("ecs", "service/" + DeployRole.CANARY + "/" + DeployRole.CANARY);
        for (String action : List.of("ecs:UpdateService", "ecs:CreateService")) {
            if (policy.mayDoAnywhere(action, services)) {
                return Optional.of(action);
            }
        }
        if (policy.mayDoAnywhere("ecr:PutImage", policy.canaries("ecr", "repository/" + DeployRole.CANARY))) {
            return Optional.of("ecr:PutImage");
        }
        List<String> roles = new java.util.ArrayList<>(policy.namedResources("iam:PassRole"));
        roles.add(policy.canaryRole());
        boolean passesToEcs = !policy.allowedOn("iam:PassRole", roles, "iam:PassedToService", DeployRole.ECS_TASKS)
                .isEmpty();
        return passesToEcs ? Optional.of("iam:PassRole to ecs-tasks.amazonaws.com") : Optional.empty();
    }

    private static boolean all(DeployRole policy, List<String> actions, String service, String resource) {
        return actions.stream().allMatch(a -> policy.mayDoAnywhere(a, policy.canaries(service, resource)));
    }
}
