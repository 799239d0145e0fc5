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
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.EcrRepositories;
import dev.ecsiamguard.aws.TaskDefinitions;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.ReportJson;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.github.GitHubDeployment;
import dev.ecsiamguard.core.github.GitHubDeployments;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
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

    public ApiApplication(ProvisioningConfig config, AwsClients clients, String busName, Severity threshold,
                          int maxRequestBytes, ServiceFindings findings) {
        this(config, clients, busName, threshold, maxRequestBytes, findings, GitHubDeployments.none());
    }

    public ApiApplication(ProvisioningConfig config, AwsClients clients, String busName, Severity threshold,
                          int maxRequestBytes, ServiceFindings findings, GitHubDeployments configuredDeployments) {
        this.config = config;
        this.clients = clients;
        this.provisioner = new ServiceProvisioner(config, clients, busName);
        this.inspector = new ServiceInspector(config, clients, findings);
        this.repositories = new ServiceRepositories(config, new EcrRepositories(clients.ecr()));
        this.taskDefinitions = new TaskDefinitions(clients.ecs());
        this.threshold = threshold;
        this.maxRequestBytes = maxRequestBytes;
        this.busName = busName;
        this.configuredDeployments = configuredDeployments;
    }

    public static ApiApplication fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, new AwsClients(AwsSettings.fromEnvironment(env)));
    }

    /** Configured by the environment, talking to AWS through the given clients (SnapStart priming). */
    public static ApiApplication fromEnvironment(Map<String, String> env, AwsClients clients) {
        String max = env.getOrDefault("MAX_REQUEST_BYTES", "");
        return new ApiApplication(ProvisioningConfig.fromEnvironment(env),
                clients, env.getOrDefault("EVENT_BUS_NAME", "ecs-iam-guard"),
                Severity.parse(env.getOrDefault("SEVERITY_THRESHOLD", "HIGH")),
                max.isBlank() ? DEFAULT_MAX_REQUEST_BYTES : Integer.parseInt(max.trim()), ServiceFindings.TRUST,
                configuredDeployments(env));
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
        };
    }

    private ApiResponse provision(ProvisionRolesRequest api, ApiRequest request) {
        String account = request.account();
        String repository = api.repository().or(() -> repositories.find(api.service(), account))
                .orElseThrow(() -> ApiException.notFound("repository_not_found", "no ECR repository maps to"
                        + " service `" + api.service() + "`; create it first or name it in `repository`"));
        AccountScope scope = AccountScope.of(account, request.region());
        var capabilities = api.capabilities().orElseGet(() -> ServiceProvisioner.capabilities(
                repositories.tags(scope, repository).orElseThrow(() -> ApiException.notFound(
                        "repository_not_found", "ECR repository `" + repository + "` does not exist"))));
        ProvisionResult result = provisioner.provision(new ProvisionRequest(api.service(), repository, account,
                request.region(), capabilities, api.secretsManagerPrefix(), api.ssmParameterPrefix()));
        return ApiResponse.ok(result.toMap());
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
        Report report = validator.validate(td, new AccountRoleLookup(clients.iam(), request.account()), tags);
        Map<String, Object> body = ReportJson.toMap(report, threshold);
        body.put("verdict", report.passed(threshold) ? "pass" : "fail");
        return ApiResponse.ok(body);
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
