package dev.ecsiamguard.app;

import dev.ecsiamguard.api.ApiException;
import dev.ecsiamguard.api.ApiRequest;
import dev.ecsiamguard.api.ApiResponse;
import dev.ecsiamguard.api.ApiRoute;
import dev.ecsiamguard.api.DeployRoleRequest;
import dev.ecsiamguard.api.ProvisionRolesRequest;
import dev.ecsiamguard.api.ServiceNames;
import dev.ecsiamguard.api.ValidationRequest;
import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.aws.RoleCache;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.DynamoDbServiceSpecStore;
import dev.ecsiamguard.aws.EcrRepositories;
import dev.ecsiamguard.aws.TaskDefinitions;
import dev.ecsiamguard.core.provision.capability.CapabilityDeclaration;
import dev.ecsiamguard.core.provision.capability.CapabilityException;
import dev.ecsiamguard.core.provision.capability.TaskRoleCapabilities;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.ReportJson;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.github.GitHubDeployment;
import dev.ecsiamguard.core.github.GitHubDeployments;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.spec.ServiceSpecStore;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionContext;
import dev.ecsiamguard.core.validation.TaskDefinitionValidator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The on-demand API behind one function: checks the size, routes, validates the request into a record (before
 * any AWS call), then provisions, reports or validates with the same core as the event-driven functions.
 */
public final class ApiApplication {

    public static final int DEFAULT_MAX_REQUEST_BYTES = 65536;

    private final ProvisioningConfig config;
    private final AwsClients clients;
    private final ServiceProvisioner provisioner;
    private final ServiceInspector inspector;
    private final ServiceRepositories repositories;
    private final TaskDefinitions taskDefinitions;
    private final Severity threshold;
    private final int maxRequestBytes;
    private final String busName;
    private final GitHubDeployments configuredDeployments;
    private ScanRequests scans;
    private RoleCache roleCache = RoleCache.off();

    public ApiApplication(ProvisioningConfig config, AwsClients clients, String busName, Severity threshold,
                          int maxRequestBytes, ServiceFindings findings) {
        this(config, clients, busName, threshold, maxRequestBytes, findings, GitHubDeployments.none());
    }

    public ApiApplication(ProvisioningConfig config, AwsClients clients, String busName, Severity threshold,
                          int maxRequestBytes, ServiceFindings findings, GitHubDeployments configuredDeployments) {
        this(config, clients, busName, threshold, maxRequestBytes, findings, configuredDeployments,
                DynamoDbServiceSpecStore.fromEnvironment(Map.of(), clients));
    }

    public ApiApplication(ProvisioningConfig config, AwsClients clients, String busName, Severity threshold,
                          int maxRequestBytes, ServiceFindings findings, GitHubDeployments configuredDeployments,
                          ServiceSpecStore specs) {
        this.config = config;
        this.clients = clients;
        this.provisioner = new ServiceProvisioner(config, clients, busName, specs);
        this.inspector = new ServiceInspector(config, clients, findings, specs);
        this.repositories = new ServiceRepositories(config, new EcrRepositories(clients.ecr()));
        this.taskDefinitions = new TaskDefinitions(clients.ecs());
        this.threshold = threshold;
        this.maxRequestBytes = maxRequestBytes;
        this.busName = busName;
        this.configuredDeployments = configuredDeployments;
        this.scans = new ScanRequests(clients::sfn, Optional.empty(), "");
    }

    /** Where `POST /scans` and `GET /scans/{id}` find the sweep state machine and its bucket. */
    public ApiApplication withScans(ScanRequests scans) {
        this.scans = scans;
        return this;
    }

    public static ApiApplication fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, new AwsClients(AwsSettings.fromEnvironment(env)));
    }

    /** Configured by the environment, talking to AWS through the given clients (SnapStart priming). */
    public static ApiApplication fromEnvironment(Map<String, String> env, AwsClients clients) {
        String max = env.getOrDefault("MAX_REQUEST_BYTES", "");
        return new ApiApplication(ProvisioningConfig.fromEnvironment(env), clients,
                env.getOrDefault("EVENT_BUS_NAME", "ecs-iam-guard"),
                Severity.parse(env.getOrDefault("SEVERITY_THRESHOLD", "HIGH")),
                max.isBlank() ? DEFAULT_MAX_REQUEST_BYTES : Integer.parseInt(max.trim()), ServiceFindings.TRUST,
                configuredDeployments(env), DynamoDbServiceSpecStore.fromEnvironment(env, clients)).withScansFrom(env)
                .withRoleCache(RoleCache.fromEnvironment(env, clients));
    }

    /** Provisioning and validation read roles through the execution environment's cache (the function's settings). */
    public ApiApplication withRoleCache(RoleCache cache) {
        this.roleCache = cache;
        provisioner.withRoleCache(cache);
        return this;
    }

    private ApiApplication withScansFrom(Map<String, String> env) {
        return withScans(ScanRequests.fromEnvironment(env, clients::sfn));
    }

    /** AWS calls made so far, for the log line. */
    public long awsCalls() {
        return clients.callCount();
    }

    /** The function's own region, for requests whose context carries no function ARN. */
    public String region() {
        return clients.settings().region().id();
    }

    public ApiResponse handle(ApiRequest request) {
        if (request.bodyBytes() > maxRequestBytes) {
            throw new ApiException(413, "request_too_large", "the body has " + request.bodyBytes()
                    + " bytes; this API accepts at most " + maxRequestBytes, "body");
        }
        return switch (ApiRoute.match(request.method(), request.resource())) {
            case PROVISION_SERVICE_ROLES -> provision(ProvisionRolesRequest.parse(request.pathParameter("service"),
                    request.body(), config), request);
            case DESCRIBE_SERVICE -> describe(ServiceNames.require(request.pathParameter("service"), "service",
                    config), request);
            case VALIDATE_TASK_DEFINITION -> validate(ValidationRequest.parse(request.body()), request);
            case PROVISION_DEPLOY_ROLE -> deployRole(DeployRoleRequest.parse(request.body(), config), request);
            case START_SCAN -> scans.start();
            case DESCRIBE_SCAN -> scans.describe(request.pathParameter("id"));
        };
    }

    private ApiResponse provision(ProvisionRolesRequest api, ApiRequest request) {
        String account = request.account();
        api.capabilities().ifPresent(declared -> checkCapabilities(api, declared, request));
        String repository = api.repository().or(() -> repositories.find(api.service(), account))
                .orElseThrow(() -> ApiException.notFound("repository_not_found", "no ECR repository maps to"
                        + " service `" + api.service() + "`; create it first or name it in `repository`"));
        // Declared capabilities replace the spec's; without them the repository's tag adds to it, as its event does.
        List<String> capabilities = api.capabilities().map(TaskRoleCapabilities::texts)
                .orElseGet(() -> ServiceProvisioner.capabilityDeclarations(repositories.tags(AccountScope.of(account,
                        request.region()), repository)
                        .orElseThrow(() -> ApiException.notFound("repository_not_found", "ECR repository `"
                                + repository + "` does not exist"))));
        ProvisionResult result;
        try {
            result = provisioner.provision(new ProvisionRequest(api.service(), repository, account,
                    request.region(), capabilities, api.capabilities().isPresent(), api.secretsManagerPrefix(),
                    api.ssmParameterPrefix()));
        } catch (CapabilityException e) {
            throw ApiException.invalid(e.field(), e.problem());
        }
        if ("skipped".equals(result.status())) {
            throw new ApiException(409, "owned_by_another_environment", result.error(), null);
        }
        return ApiResponse.ok(result.toMap());
    }

    // Declared resources are checked against the service's account and regions before any AWS call.
    private void checkCapabilities(ProvisionRolesRequest api, List<CapabilityDeclaration> declared,
                                   ApiRequest request) {
        ProvisioningConfig effective = config.withSecretPrefixes(api.secretsManagerPrefix(),
                api.ssmParameterPrefix());
        try {
            TaskRoleCapabilities.policy(declared, TaskRoleCapabilities.scope(api.service(),
                    AccountScope.of(request.account(), request.region()), List.of(request.region()), effective));
        } catch (CapabilityException e) {
            throw ApiException.invalid(e.field(), e.problem());
        }
    }

    private ApiResponse describe(String service, ApiRequest request) {
        return inspector.inspect(service, request.account(), request.region())
                .map(report -> ApiResponse.ok(report.toMap(threshold)))
                .orElseThrow(() -> ApiException.notFound("service_not_found", "service `" + service
                        + "` has no roles or log group provisioned"));
    }

    private ApiResponse validate(ValidationRequest parsed, ApiRequest request) {
        TaskDefinition td;
        Map<String, String> tags = Map.of();
        if (parsed instanceof ValidationRequest.ByArn byArn) {
            TaskDefinitions.Described described = taskDefinitions.describe(byArn.taskDefinitionArn())
                    .orElseThrow(() -> ApiException.notFound("task_definition_not_found", "task definition `"
                            + byArn.taskDefinitionArn() + "` does not exist or is not visible to this account"));
            td = described.definition();
            tags = described.tags();
        } else {
            td = ((ValidationRequest.Document) parsed).taskDefinition();
        }
        TaskDefinitionValidator validator = new TaskDefinitionValidator(
                TaskDefinitionContext.defaults().withAccountId(request.account()), request.region());
        Report report = validator.validate(td, new AccountRoleLookup(clients.iam(), request.account(),
                roleCache.begin(clients.iam(), java.util.Arrays.asList(td.executionRoleArn(), td.taskRoleArn()))),
                tags);
        return ApiResponse.ok(ReportJson.withVerdict(report, threshold));
    }

    private ApiResponse deployRole(DeployRoleRequest parsed, ApiRequest request) {
        String account = request.account();
        String repository = repositories.find(parsed.service(), account)
                .orElseThrow(() -> ApiException.notFound("repository_not_found", "no ECR repository maps to"
                        + " service `" + parsed.service() + "`; the deploy role may push only to it,"
                        + " so create it first"));
        GitHubDeployment deployment = new GitHubDeployment(parsed.service(), parsed.owner(), parsed.repository(),
                parsed.ownerId().map(String::valueOf), parsed.repositoryId().map(String::valueOf), parsed.branches(),
                parsed.environments(), false, repository, config.clusterName(), parsed.service(),
                Optional.of(request.region()), false);
        // The configuration stays the one source of truth for the services it names: otherwise the next provider
        // event would re-pin the role the API just changed, and back again.
        configuredDeployments.forService(parsed.service()).filter(c -> !sameTrust(c, deployment)).ifPresent(c -> {
            throw new ApiException(409, "conflict", "service `" + parsed.service() + "` has its deploy role "
                    + "configured in GitHubDeployments for " + c.owner() + "/" + c.repository() + " " + c.branches()
                    + " " + c.environments() + "; change that configuration instead", "repository");
        });
        GitHubOidcService github = new GitHubOidcService(config, new GitHubDeployments(List.of(deployment)), clients,
                busName);
        return ApiResponse.ok(github.provision(deployment, AccountScope.of(account, request.region())).toMap());
    }

    private static boolean sameTrust(GitHubDeployment a, GitHubDeployment b) {
        return a.owner().equalsIgnoreCase(b.owner()) && a.repository().equalsIgnoreCase(b.repository())
                && a.ownerId().equals(b.ownerId()) && a.repositoryId().equals(b.repositoryId())
                && a.branches().equals(b.branches()) && a.environments().equals(b.environments());
    }

    // An invalid configuration is the GitHub function's to report; the API then knows no configured deployments.
    private static GitHubDeployments configuredDeployments(Map<String, String> env) {
        try {
            String region = env.getOrDefault("DEPLOY_REGION", "");
            return GitHubDeployments.parse(env.get(GitHubDeployments.VARIABLE),
                    ProvisioningConfig.fromEnvironment(env).clusterName(),
                    region.isBlank() ? Optional.empty() : Optional.of(region.trim()));
        } catch (IllegalArgumentException invalid) {
            return GitHubDeployments.none();
        }
    }
}
