package dev.ecsiamguard.testing;

import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.github.DeployRole;
import dev.ecsiamguard.core.github.GitHubSubject;
import dev.ecsiamguard.core.github.GitHubTrust;
import dev.ecsiamguard.core.github.OidcProviderRules;
import dev.ecsiamguard.core.github.OidcProviderState;
import dev.ecsiamguard.core.github.PolicyPlaceholdersReported;
import dev.ecsiamguard.core.github.RoleUse;
import dev.ecsiamguard.core.github.RoleUseRules;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyKind;
import dev.ecsiamguard.core.policy.Placeholders;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.ClusterState;
import dev.ecsiamguard.core.provision.DesiredService;
import dev.ecsiamguard.core.provision.DriftFindings;
import dev.ecsiamguard.core.provision.LogGroupState;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.Reconciler;
import dev.ecsiamguard.core.provision.RoleState;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.provision.ServiceIdentity;
import dev.ecsiamguard.core.provision.ServiceState;
import dev.ecsiamguard.core.roles.RoleAnalysisContext;
import dev.ecsiamguard.core.roles.RoleResolution;
import dev.ecsiamguard.core.roles.RoleRule;
import dev.ecsiamguard.core.roles.RoleSnapshot;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionContext;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParser;
import dev.ecsiamguard.core.taskdef.TaskDefinitionRule;
import dev.ecsiamguard.core.trust.TrustedRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One ordinary, real subject per rule family of {@link RuleCatalog}, for tests that run whole families. */
public final class RuleSubjects {

    public static final String ACCOUNT = "123456789012";
    public static final String TD_ARN = "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task-definition/web:3";
    public static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/web-role";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
            + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"" + ACCOUNT + "\"},\"ArnLike\":{"
            + "\"aws:SourceArn\":\"arn:aws:ecs:us-east-1:" + ACCOUNT + ":*\"}}}]}";
    private static final String LOGS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"*\"}]}";

    private RuleSubjects() {
    }

    /** A revision with one pinned image from its own ECR and both roles. */
    public static TaskDefinition taskDefinition() {
        return TaskDefinitionParser.parse("{\"taskDefinitionArn\":\"" + TD_ARN + "\",\"family\":\"web\","
                + "\"revision\":3,\"requiresCompatibilities\":[\"FARGATE\"],\"networkMode\":\"awsvpc\","
                + "\"cpu\":\"256\",\"memory\":\"512\",\"executionRoleArn\":\"" + ROLE_ARN + "\",\"taskRoleArn\":\""
                + ROLE_ARN.replace("web-role", "web-task") + "\",\"containerDefinitions\":[{\"name\":\"app\","
                + "\"image\":\"" + ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/web@sha256:"
                + "0".repeat(64) + "\",\"user\":\"1000\",\"readonlyRootFilesystem\":true}]}");
    }

    /** The subject the family of that name judges (see {@link RuleCatalog#FAMILIES}). */
    public static Object forFamily(String family) {
        TaskDefinition td = taskDefinition();
        NamedPolicy trust = new NamedPolicy("trust", PolicyDocument.parseTrust(TRUST));
        TrustedRole trusted = TrustedRole.of(ROLE_ARN, Optional.of(ACCOUNT), trust, true);
        return switch (family) {
            case "task definition content" -> new TaskDefinitionRule.Subject(td, TaskDefinitionContext.defaults()
                    .withAccountId(ACCOUNT));
            case "execution and task role" -> new RoleRule.Subject(td, RoleAnalysisContext.resolve(td,
                    arn -> RoleResolution.found(new RoleSnapshot(arn.contains(":") ? arn : ROLE_ARN, "web-role", "/",
                            trust, List.of(new NamedPolicy("logs", PolicyDocument.parseIdentity(LOGS))), List.of(),
                            Optional.empty(), Map.of())), ACCOUNT, "us-east-1", Map.of()));
            case "trust policy" -> trusted;
            case "GitHub trust" -> GitHubTrust.of(trusted, Optional.empty(), false);
            case "GitHub deploy role" -> new DeployRole(ROLE_ARN, ACCOUNT, "aws",
                    List.of(new NamedPolicy("logs", PolicyDocument.parseIdentity(LOGS))), Optional.empty(),
                    Optional.empty());
            case "permission policy of unknown use" -> new DeployRole("policy.json", ACCOUNT, "aws",
                    List.of(new NamedPolicy("logs", PolicyDocument.parseIdentity(LOGS))), Optional.empty(),
                    Optional.empty());
            case "unrendered placeholders" -> new PolicyPlaceholdersReported.Subject("policy.json",
                    Placeholders.render(LOGS.replace("\"*\"", "\"${log_group_arn}\""), PolicyKind.IDENTITY)
                            .unjudged());
            case "GitHub OIDC provider" -> new OidcProviderRules.Subject(new OidcProviderState(true,
                    "arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com",
                    List.of("sts.amazonaws.com"), List.of()), "aws");
            case "GitHub role use" -> new RoleUseRules.Subject(new RoleUse(ROLE_ARN,
                    GitHubSubject.parse("repo:acme/api:ref:refs/heads/main"), "sts.amazonaws.com", "event-1"),
                    Optional.empty(), Set.of("acme"), Optional.empty());
            case "provisioning drift" -> drift();
            case "GitHub denied role use" -> new dev.ecsiamguard.core.github.DeniedRoleUseReported.Attempt(
                    new RoleUse(ROLE_ARN, GitHubSubject.parse("repo:evil/api:ref:refs/heads/main"),
                            "sts.amazonaws.com", "event-2"), "AccessDenied", "203.0.113.7", Set.of("acme"));
            case "cluster" -> new dev.ecsiamguard.core.provision.ClusterState("ecs-dev", true,
                    "arn:aws:ecs:us-east-1:" + ACCOUNT + ":cluster/ecs-dev", List.of("FARGATE"), List.of(), true,
                    Map.of());
            default -> throw new IllegalArgumentException("no sample subject for family " + family);
        };
    }

    private static DriftFindings.Subject drift() {
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(Map.of());
        AccountScope scope = AccountScope.of(ACCOUNT, "us-east-1");
        ServiceIdentity id = ServiceIdentity.forService("orders", "orders", config);
        DesiredService desired = new ServiceBlueprint(config, scope).desired(id, Set.of());
        ServiceState none = new ServiceState(RoleState.absent(id.executionRoleName()),
                RoleState.absent(id.taskRoleName()), LogGroupState.absent(id.logGroupName()),
                ClusterState.absent(config.clusterName()));
        return new DriftFindings.Subject(new Reconciler().plan(desired, none), desired, none, scope);
    }
}
