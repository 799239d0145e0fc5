package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.Backoff;
import dev.ecsiamguard.aws.EcsClusters;
import dev.ecsiamguard.aws.IamPolicies;
import dev.ecsiamguard.aws.IamRoles;
import dev.ecsiamguard.aws.OidcProviders;
import dev.ecsiamguard.aws.TaskDefinitions;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleRunner;
import dev.ecsiamguard.core.github.OidcProviderPlan;
import dev.ecsiamguard.core.github.RoleChecks;
import dev.ecsiamguard.core.github.RoleDocuments;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.ClusterState;
import dev.ecsiamguard.core.roles.RoleResolution;
import dev.ecsiamguard.core.roles.RoleSnapshot;
import dev.ecsiamguard.core.sweep.ClusterContainerInsightsEnabled;
import dev.ecsiamguard.core.sweep.ItemOutcome;
import dev.ecsiamguard.core.sweep.SweepItem;
import dev.ecsiamguard.core.taskdef.TaskDefinitionContext;
import dev.ecsiamguard.core.validation.TaskDefinitionValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Judges a batch of sweep items with the same entry points as the event-driven functions: the task-definition
 * validator (content and roles), {@link RoleChecks} (trust, GitHub and deploy rules), the GitHub provider plan and
 * the cluster rule. The Step Functions batch step and the local runner both call {@link #judge(List)}.
 * An item whose reads fail after the SDK's retries ends as an outcome with the error, never dropped.
 */
public final class SweepJudge {

    private final SweepConfig config;
    private final Function<String, AwsClients> accounts;

    /** @param accounts the clients that read a given account (the caller's own, or through its member role) */
    public SweepJudge(SweepConfig config, Function<String, AwsClients> accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    public List<ItemOutcome> judge(List<SweepItem> batch) {
        // One role lookup per account and batch: revisions of a batch that share a role read it once.
        Map<String, AccountRoleLookup> lookups = new HashMap<>();
        List<ItemOutcome> outcomes = new ArrayList<>(batch.size());
        for (SweepItem item : batch) {
            try {
                AwsClients clients = accounts.apply(item.account());
                AccountRoleLookup roles = lookups.computeIfAbsent(item.account(),
                        a -> new AccountRoleLookup(clients.iam(), a));
                outcomes.add(judge(item, clients, roles));
            } catch (RuntimeException e) {
                // INVARIANT: SDK and rule messages carry no secret values (ids, ARNs and error codes only).
                outcomes.add(ItemOutcome.failed(item, SweepErrors.describe(e)));
            }
        }
        return outcomes;
    }

    private ItemOutcome judge(SweepItem item, AwsClients clients, AccountRoleLookup roles) {
        String region = clients.settings().region().id();
        return switch (item.kind()) {
            case TASK_DEFINITION -> taskDefinition(item, clients, roles, region);
            case ECS_ROLE -> ecsRole(item, roles);
            case GITHUB_ROLE -> gitHubRole(item, clients, roles, region);
            case CLUSTER -> cluster(item, clients);
            case OIDC_PROVIDER -> ItemOutcome.judged(item, OidcProviderPlan.check(
                    new OidcProviders(clients.iam()).read(item.ref()), partition(item.ref())));
        };
    }

    private ItemOutcome taskDefinition(SweepItem item, AwsClients clients, AccountRoleLookup roles, String region) {
        Optional<TaskDefinitions.Described> described = new TaskDefinitions(clients.ecs()).describe(item.ref());
        if (described.isEmpty()) {
            return ItemOutcome.failed(item, "the revision no longer exists (deregistered during the sweep?)");
        }
        ValidationConfig v = config.validation();
        TaskDefinitionContext context = TaskDefinitionContext.defaults().withAccountId(item.account())
                .withAllowedImageRegistries(v.allowedImageRegistries()).withRolePinning(v.rolePinning().orElse(null));
        return ItemOutcome.judged(item, new TaskDefinitionValidator(context, region)
                .validate(described.get().definition(), roles, described.get().tags()));
    }

    private ItemOutcome ecsRole(SweepItem item, AccountRoleLookup roles) {
        RoleResolution resolution = roles.find(item.ref());
        if (resolution.status() != RoleResolution.Status.FOUND) {
            return ItemOutcome.failed(item, resolution.reason());
        }
        RoleSnapshot role = resolution.role();
        RoleDocuments documents = new RoleDocuments(role.arn(), Optional.of(item.account()),
                Optional.of(role.trustPolicy()), Optional.of(role.permissionPolicies()), role.boundary(), role.tags(),
                true);
        return ItemOutcome.judged(item, RoleChecks.check(documents, RoleChecks.Expectation.none(), List.of()));
    }

    private ItemOutcome gitHubRole(SweepItem item, AwsClients clients, AccountRoleLookup roles, String region) {
        GitHubRoles github = new GitHubRoles(config.provisioning(), config.deployments(),
                new IamRoles(clients.iam(), Backoff.forIamPropagation()), new IamPolicies(clients.iam()));
        String name = item.ref().substring(item.ref().lastIndexOf('/') + 1);
        AccountScope scope = new AccountScope(partition(item.ref()), item.account(), region);
        // It may have stopped trusting GitHub since it was listed: then it is judged as any role.
        return github.check(github.read(name), scope).map(report -> ItemOutcome.judged(item, report))
                .orElseGet(() -> ecsRole(item, roles));
    }

    private static ItemOutcome cluster(SweepItem item, AwsClients clients) {
        ClusterState state = new EcsClusters(clients.ecs()).read(item.ref());
        if (!state.active()) {
            return ItemOutcome.failed(item, "the cluster is no longer ACTIVE");
        }
        return ItemOutcome.judged(item, RuleRunner.run(ClusterContainerInsightsEnabled.ALL, state, item.ref()));
    }

    private static String partition(String arn) {
        String[] parts = arn.split(":", 3);
        return parts.length == 3 ? parts[1] : "aws";
    }
}
