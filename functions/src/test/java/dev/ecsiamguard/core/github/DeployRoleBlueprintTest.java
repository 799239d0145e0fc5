package dev.ecsiamguard.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyEvaluator;
import dev.ecsiamguard.core.policy.Principal;
import dev.ecsiamguard.core.policy.Request;
import dev.ecsiamguard.core.provision.DesiredRole;
import dev.ecsiamguard.core.trust.TrustRules;
import dev.ecsiamguard.core.trust.TrustedRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated deploy roles pass their own checks, proven by evaluating them with the policy engine. */
class DeployRoleBlueprintTest {

    private static final String EXEC = "arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-payments-api-execution-role";
    private static final String TASK = "arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-payments-api-task-role";
    private static final String REPO = "arn:aws:ecr:us-east-1:123456789012:repository/payments/api";
    private static final String SERVICE = "arn:aws:ecs:us-east-1:123456789012:service/ecs-dev/payments-api";

    private final DeployRoleBlueprint blueprint = new DeployRoleBlueprint(Deployments.CONFIG, Deployments.SCOPE);

    @Test
    void desired_whenDeploymentConfigured_namesRoleUnderPathWithTags() {
        DesiredRole role = blueprint.desired(Deployments.payments(true));

        assertThat(role.name()).isEqualTo("ecs-payments-api-github-deploy");
        assertThat(role.path()).isEqualTo("/ecs-iam-guard/");
        assertThat(role.tags()).containsEntry("ManagedBy", "ecs-iam-guard")
                .containsEntry("GitHubRepository", "acme/payments-api");
    }

    @Test
    void permissions_whenEvaluated_passOnlyTheTwoRolesOnlyToEcsTasks() {
        PolicyEvaluator evaluator = evaluator(blueprint.desired(Deployments.payments(true)));

        for (String role : List.of(EXEC, TASK)) {
            assertThat(evaluator.evaluate(pass(role, "ecs-tasks.amazonaws.com")).isAllowed()).isTrue();
            assertThat(evaluator.evaluate(pass(role, "lambda.amazonaws.com")).isDenied()).isTrue();
            assertThat(evaluator.evaluate(Request.of("iam:PassRole", role)).isAllowed()).isFalse();
        }
        assertThat(evaluator.evaluate(pass("arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-orders-task-role",
                "ecs-tasks.amazonaws.com")).isDenied()).isTrue();
        assertThat(evaluator.evaluate(pass("arn:aws:iam::123456789012:role/admin", "ecs-tasks.amazonaws.com"))
                .isDenied()).isTrue();
    }

    @Test
    void permissions_whenEvaluated_touchOnlyTheServiceAndItsRepository() {
        PolicyEvaluator evaluator = evaluator(blueprint.desired(Deployments.payments(true)));

        assertThat(evaluator.evaluate(Request.of("ecr:PutImage", REPO)).isAllowed()).isTrue();
        assertThat(evaluator.evaluate(Request.of("ecr:GetAuthorizationToken", "*")).isAllowed()).isTrue();
        assertThat(evaluator.evaluate(Request.of("ecs:UpdateService", SERVICE)).isAllowed()).isTrue();
        assertThat(evaluator.evaluate(Request.of("ecs:RegisterTaskDefinition", "*")).isAllowed()).isTrue();
        assertThat(evaluator.evaluate(Request.of("ecr:PutImage",
                "arn:aws:ecr:us-east-1:123456789012:repository/orders/api")).isDenied()).isTrue();
        assertThat(evaluator.evaluate(Request.of("ecs:UpdateService",
                "arn:aws:ecs:us-east-1:123456789012:service/ecs-dev/orders")).isDenied()).isTrue();
        assertThat(evaluator.evaluate(Request.of("ecs:ExecuteCommand",
                "arn:aws:ecs:us-east-1:123456789012:task/ecs-dev/0")).isDenied()).isTrue();
        assertThat(evaluator.evaluate(Request.of("iam:CreateRole", "*")).isDenied()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void trust_whenEvaluated_admitsExactlyTheConfiguredSubjects(boolean ids) {
        GitHubDeployment deployment = Deployments.payments(ids);
        NamedPolicy trust = new NamedPolicy("trust", PolicyDocument.parseTrust(blueprint.trustPolicy(deployment)));
        PolicyEvaluator evaluator = PolicyEvaluator.of(trust);
        String prefix = ids ? "repo:acme@123456/payments-api@789012" : "repo:acme/payments-api";

        assertThat(evaluator.evaluate(assume(prefix + ":ref:refs/heads/main")).isAllowed()).isTrue();
        assertThat(evaluator.evaluate(assume(prefix + ":environment:production")).isAllowed()).isTrue();
        assertThat(evaluator.evaluate(assume(prefix + ":pull_request")).isDenied()).isTrue();
        assertThat(evaluator.evaluate(assume(prefix + ":ref:refs/heads/feature")).isDenied()).isTrue();
        assertThat(evaluator.evaluate(assume("repo:evil/payments-api:ref:refs/heads/main")).isDenied()).isTrue();
    }

    @Test
    void checks_whenRoleGeneratedWithIds_findNothing() {
        assertThat(findings(Deployments.payments(true))).isEmpty();
    }

    @Test
    void checks_whenRoleGeneratedWithoutIds_reportNothing_sinceTheIdFormIsNotKnownToBeAvailable() {
        assertThat(findings(Deployments.payments(false))).extracting(f -> f.rule().id() + ":" + f.severity())
                .isEmpty();
    }

    private List<Finding> findings(GitHubDeployment deployment) {
        DesiredRole desired = blueprint.desired(deployment);
        DeployTarget target = blueprint.target(deployment);
        TrustedRole role = TrustedRole.of(target.deployRoleArn(), Optional.of("123456789012"),
                new NamedPolicy("trust", PolicyDocument.parseTrust(desired.trustPolicy())), false);
        List<Finding> findings = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        TrustRules.run(role, findings, errors);
        GitHubTrustRules.run(GitHubTrust.of(role, Optional.of(deployment), true), findings, errors);
        DeployRules.run(new DeployRole(target.deployRoleArn(), "123456789012", "aws", policies(desired),
                Optional.empty(), Optional.of(target)), findings, errors);
        assertThat(errors).isEmpty();
        return findings;
    }

    private static PolicyEvaluator evaluator(DesiredRole role) {
        return new PolicyEvaluator(policies(role), null);
    }

    private static List<NamedPolicy> policies(DesiredRole role) {
        return role.inlinePolicies().entrySet().stream()
                .map(e -> new NamedPolicy(e.getKey(), PolicyDocument.parseIdentity(e.getValue()))).toList();
    }

    private static Request pass(String role, String service) {
        return Request.of("iam:PassRole", role).with("iam:PassedToService", service);
    }

    private static Request assume(String subject) {
        return Request.of("sts:AssumeRoleWithWebIdentity", "*")
                .withPrincipal(Principal.federated(
                        "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"))
                .with("token.actions.githubusercontent.com:aud", "sts.amazonaws.com")
                .with("token.actions.githubusercontent.com:sub", subject).withCompleteContext();
    }
}
