package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.Backoff;
import dev.ecsiamguard.aws.EventPublisher;
import dev.ecsiamguard.aws.IamPolicies;
import dev.ecsiamguard.aws.IamRoles;
import dev.ecsiamguard.aws.OidcProviders;
import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.github.DeniedRoleUseReported;
import dev.ecsiamguard.core.github.DeployRoleBlueprint;
import dev.ecsiamguard.core.github.GitHubDeployment;
import dev.ecsiamguard.core.github.GitHubDeployments;
import dev.ecsiamguard.core.github.GitHubOidc;
import dev.ecsiamguard.core.github.OidcProviderPlan;
import dev.ecsiamguard.core.github.OidcProviderState;
import dev.ecsiamguard.core.github.RoleUse;
import dev.ecsiamguard.core.github.RoleUseRules;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.DesiredRole;
import dev.ecsiamguard.core.provision.Note;
import dev.ecsiamguard.core.provision.Plan;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.Reconciler;
import dev.ecsiamguard.core.provision.RoleState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * GitHub Actions OIDC: ensures the provider and each configured deploy role by reconciliation (replays write
 * nothing), checks roles that trust GitHub, and checks every use of them against the configuration.
 */
public final class GitHubOidcService {

    public static final String PROVISIONED = "GitHub Deploy Role Provisioned";
    public static final String CHECKED = "GitHub Role Checked";
    public static final String USE_CHECKED = "GitHub Role Use Checked";
    private static final int MAX_ROUNDS = 4;

    private final ProvisioningConfig config;
    private final GitHubDeployments deployments;
    private final IamRoles roles;
    private final OidcProviders providers;
    private final GitHubRoles checker;
    private final EventPublisher publisher;
    private final Reconciler reconciler = new Reconciler();

    public GitHubOidcService(ProvisioningConfig config, GitHubDeployments deployments, AwsClients clients,
                             String busName) {
        this.config = config;
        this.deployments = deployments;
        this.roles = new IamRoles(clients.iam(), Backoff.forIamPropagation());
        this.providers = new OidcProviders(clients.iam());
        this.checker = new GitHubRoles(config, deployments, roles, new IamPolicies(clients.iam()));
        this.publisher = new EventPublisher(clients.eventBridge(), busName);
    }

    /**
     * Builds the service from the function's environment. A configuration error does not fail here: it surfaces on
     * every invocation as a rejection naming the field, before any AWS call.
     */
    public static Supplier<GitHubOidcService> fromEnvironment(Map<String, String> env) {
        try {
            ProvisioningConfig config = ProvisioningConfig.fromEnvironment(env);
            String region = env.getOrDefault("DEPLOY_REGION", "");
            GitHubDeployments deployments = GitHubDeployments.parse(env.get(GitHubDeployments.VARIABLE),
                    config.clusterName(), region.isBlank() ? Optional.empty() : Optional.of(region.trim()));
            GitHubOidcService service = new GitHubOidcService(config, deployments,
                    new AwsClients(AwsSettings.fromEnvironment(env)), env.getOrDefault("EVENT_BUS_NAME",
                    "ecs-iam-guard"));
            return () -> service;
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            return () -> {
                throw new IllegalArgumentException(message);
            };
        }
    }

    /** Ensures GitHub's provider (created only if absent) and every configured deploy role. */
    public GitHubOidcResult provision(AccountScope scope) {
        return provision(deployments.all(), scope);
    }

    /** Ensures GitHub's provider and the deploy role of one deployment (the on-demand API's request). */
    public GitHubOidcResult provision(GitHubDeployment deployment, AccountScope scope) {
        return provision(List.of(deployment), scope);
    }

    private GitHubOidcResult provision(List<GitHubDeployment> wanted, AccountScope scope) {
        String providerArn = GitHubOidc.providerArn(scope.partition(), scope.account());
        List<String> applied = new ArrayList<>();
        Set<Note> notes = new LinkedHashSet<>();
        OidcProviderState provider = providers.read(providerArn);
        Optional<Change> create = OidcProviderPlan.change(provider, scope.partition());
        if (create.isPresent()) {
            apply(create.get(), applied);
            provider = providers.read(providerArn);
        }
        Report providerReport = OidcProviderPlan.check(provider, scope.partition());
        List<Finding> findings = new ArrayList<>(providerReport.findings());
        List<RuleError> errors = new ArrayList<>(providerReport.errors());
        DeployRoleBlueprint blueprint = new DeployRoleBlueprint(config, scope);
        for (GitHubDeployment deployment : wanted) {
            RoleState state = converge(blueprint.desired(deployment), applied, notes);
            checker.check(state, scope).ifPresent(r -> {
                findings.addAll(r.findings());
                errors.addAll(r.errors());
            });
        }
        GitHubOidcResult result = new GitHubOidcResult("provisioned", "provision", providerArn, applied,
                List.copyOf(notes), Optional.of(new Report(providerArn, findings, errors)), "");
        if (!applied.isEmpty() || !notes.isEmpty()) {
            publisher.publish(PROVISIONED, Json.write(result.toMap()), providerArn);
        }
        return result;
    }

    /** Checks one role after a change to it; roles that do not trust GitHub are skipped. */
    public GitHubOidcResult checkRole(String roleName, AccountScope scope) {
        RoleState role = checker.read(roleName);
        if (!role.exists()) {
            return GitHubOidcResult.skipped("check", roleName, "role `" + roleName + "` does not exist");
        }
        Optional<Report> report = checker.check(role, scope);
        if (report.isEmpty()) {
            return GitHubOidcResult.skipped("check", role.arn(), "role does not trust GitHub's OIDC provider");
        }
        return publishIfFindings(new GitHubOidcResult("checked", "check", role.arn(), List.of(), List.of(), report,
                ""), CHECKED);
    }

    /** Compares who assumed the role with the configuration, and re-checks the role as it is now. */
    public GitHubOidcResult checkUse(RoleUse use, AccountScope scope) {
        Optional<GitHubDeployment> expected = checker.deploymentOf(use.roleName(), scope);
        RoleState role = checker.read(use.roleName());
        List<Finding> findings = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        Optional<Plan> drift = Optional.empty();
        if (role.exists()) {
            checker.check(role, scope).ifPresent(r -> {
                findings.addAll(r.findings());
                errors.addAll(r.errors());
            });
            drift = expected.map(d -> reconciler.planRole(new DeployRoleBlueprint(config, scope).desired(d), role));
        }
        Report useReport = RoleUseRules.check(new RoleUseRules.Subject(use, expected, deployments.owners(), drift));
        findings.addAll(useReport.findings());
        errors.addAll(useReport.errors());
        Report report = new Report(use.roleArn(), findings, errors);
        return publishIfFindings(new GitHubOidcResult("checked", "use", use.subject().text(), List.of(), List.of(),
                Optional.of(report), ""), USE_CHECKED);
    }

    /**
     * A denied attempt on a deploy role of the configuration is reported (who, from which repository and address);
     * one on any other role is skipped. Nothing is read: the event says all there is.
     */
    public GitHubOidcResult checkDeniedUse(RoleUse attempt, String errorCode, String sourceIp, AccountScope scope) {
        if (checker.deploymentOf(attempt.roleName(), scope).isEmpty()) {
            return GitHubOidcResult.skipped("denied-use", attempt.subject().text(), "role " + attempt.roleArn()
                    + " is not a configured deploy role: a denied attempt on it is not reported");
        }
        Report report = DeniedRoleUseReported.judge(new DeniedRoleUseReported.Attempt(attempt, errorCode, sourceIp,
                deployments.owners()));
        return publishIfFindings(new GitHubOidcResult("checked", "denied-use", attempt.subject().text(), List.of(),
                List.of(), Optional.of(report), ""), USE_CHECKED);
    }

    private GitHubOidcResult publishIfFindings(GitHubOidcResult result, String detailType) {
        if (result.hasFindings()) {
            publisher.publish(detailType, Json.write(result.toMap()), result.report().get().subject());
        }
        return result;
    }

    private RoleState converge(DesiredRole desired, List<String> applied, Set<Note> notes) {
        RoleState state = roles.read(desired.name());
        for (int round = 1; ; round++) {
            Plan plan = reconciler.planRole(desired, state);
            notes.addAll(plan.notes());
            if (plan.isEmpty()) {
                return state;
            }
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException("deploy role `" + desired.name() + "` did not converge after "
                        + MAX_ROUNDS + " rounds; still to do: " + plan.changes().stream().map(Change::summary)
                        .toList());
            }
            for (Change change : plan.changes()) {
                if (!apply(change, applied)) {
                    break;
                }
            }
            state = roles.read(desired.name());
        }
    }

    // A concurrent run may create the same resource first ("already exists"; moto says "Unknown" for providers):
    // stop this round and plan again from what is really there.
    private boolean apply(Change change, List<String> applied) {
        try {
            if (!(roles.apply(change) || providers.apply(change))) {
                throw new IllegalStateException("no adapter for change " + change.summary());
            }
            applied.add(change.summary());
            return true;
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            if (code.equals("EntityAlreadyExists") || code.equals("ConcurrentModification")) {
                return false;
            }
            throw e;
        }
    }
}
