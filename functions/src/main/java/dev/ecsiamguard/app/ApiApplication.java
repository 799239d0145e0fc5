package dev.ecsiamguard.app;

import dev.ecsiamguard.api.ApiException;
import dev.ecsiamguard.api.ApiRequest;
import dev.ecsiamguard.api.ApiResponse;
import dev.ecsiamguard.api.ApiRoute;
import dev.ecsiamguard.api.DeployRoleRequest;
import dev.ecsiamguard.api.ProvisionRolesRequest;
import dev.ecsiamguard.api.ServiceNames;
import dev.ecsiamguard.api.ValidationRequest;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.EcrRepositories;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.ReportJson;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.roles.RoleLookup;
import dev.ecsiamguard.core.taskdef.TaskDefinitionContext;
import dev.ecsiamguard.core.validation.TaskDefinitionValidator;
import java.util.Map;

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
    private final Severity threshold;
    private final int maxRequestBytes;

    public ApiApplication(ProvisioningConfig config, AwsClients clients, String busName, Severity threshold,
                          int maxRequestBytes, ServiceFindings findings) {
        this.config = config;
        this.clients = clients;
        this.provisioner = new ServiceProvisioner(config, clients, busName);
        this.inspector = new ServiceInspector(config, clients, findings);
        this.repositories = new ServiceRepositories(config, new EcrRepositories(clients.ecr()));
        this.threshold = threshold;
        this.maxRequestBytes = maxRequestBytes;
    }

    public static ApiApplication fromEnvironment(Map<String, String> env) {
        String max = env.getOrDefault("MAX_REQUEST_BYTES", "");
        return new ApiApplication(ProvisioningConfig.fromEnvironment(env),
                new AwsClients(AwsSettings.fromEnvironment(env)), env.getOrDefault("EVENT_BUS_NAME", "ecs-iam-guard"),
                Severity.parse(env.getOrDefault("SEVERITY_THRESHOLD", "HIGH")),
                max.isBlank() ? DEFAULT_MAX_REQUEST_BYTES : Integer.parseInt(max.trim()), ServiceFindings.NONE);
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
            case PROVISION_DEPLOY_ROLE -> deployRole(DeployRoleRequest.parse(request.body(), config));
        };
    }

    private ApiResponse provision(ProvisionRolesRequest api, ApiRequest request) {
        String account = request.account();
        String repository = api.repository().or(() -> repositories.find(api.service(), account))
                .orElseThrow(() -> ApiException.notFound("repository_not_found", "no ECR repository maps to"
                        + " service `" + api.service() + "`; create it first or name it in `repository`"));
        var capabilities = api.capabilities().orElseGet(() -> ServiceProvisioner.capabilities(
                repositories.tags(account, repository).orElseThrow(() -> ApiException.notFound(
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
        if (parsed instanceof ValidationRequest.ByArn byArn) {
            // TODO(lead, after merging `validate`): describe the revision with that branch's
            // DescribeTaskDefinition -> TaskDefinition mapper and validate it like a document, with the account
            // RoleLookup below; the template already grants ecs:DescribeTaskDefinition.
            throw ApiException.notImplemented("validating a registered revision (`" + byArn.taskDefinitionArn()
                    + "`) is not available yet; send the task definition document instead");
        }
        ValidationRequest.Document document = (ValidationRequest.Document) parsed;
        TaskDefinitionValidator validator = new TaskDefinitionValidator(
                TaskDefinitionContext.defaults().withAccountId(request.account()));
        // TODO(lead, after merging `validate`): replace RoleLookup.SKIPPED with the account RoleLookup adapter.
        Report report = validator.validate(document.taskDefinition(), RoleLookup.SKIPPED);
        Map<String, Object> body = ReportJson.toMap(report, threshold);
        body.put("verdict", report.passed(threshold) ? "pass" : "fail");
        return ApiResponse.ok(body);
    }

    private ApiResponse deployRole(DeployRoleRequest parsed) {
        // TODO(lead, after merging `github`): hand `parsed` to that branch's deploy role provisioner and answer
        // with its result (what exists, what changed), as provision() does for service roles.
        throw ApiException.notImplemented("provisioning GitHub deploy roles is not available yet (request for `"
                + parsed.owner() + "/" + parsed.repository() + "` was valid)");
    }
}
