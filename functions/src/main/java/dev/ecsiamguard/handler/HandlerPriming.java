package dev.ecsiamguard.handler;

import static dev.ecsiamguard.handler.PrimingSamples.ACCOUNT;
import static dev.ecsiamguard.handler.PrimingSamples.REPOSITORY;

import dev.ecsiamguard.app.ApiApplication;
import dev.ecsiamguard.app.GitHubOidcService;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.app.TaskDefinitionValidation;
import dev.ecsiamguard.app.ValidationConfig;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.RoleCache;
import dev.ecsiamguard.aws.priming.PrimingAccount;
import dev.ecsiamguard.core.github.DeployRoleBlueprint;
import dev.ecsiamguard.core.github.DeployTarget;
import dev.ecsiamguard.core.github.GitHubDeployments;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.DesiredService;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.provision.ServiceIdentity;
import dev.ecsiamguard.core.provision.TaskRoleCapability;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What each handler's SnapStart priming runs: a second instance of the handler, configured like the function but
 * wired to an in-memory {@link PrimingAccount}, handles sample events end to end (event parsing, every SDK
 * client's marshalling and unmarshalling, the reconciler, the policy engine and rule catalogue, JSON output).
 * A priming that does not end as a real invocation would fails loudly: the snapshot should not hide a bug.
 * Each returns the `service:Operation` of every request the in-memory account answered.
 */
final class HandlerPriming {

    private static final String AWS_EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/"
            + "AmazonECSTaskExecutionRolePolicy";

    private HandlerPriming() {
    }

    static List<String> provisioning(Map<String, String> env) {
        PrimingAccount account = account(env).withRepository(REPOSITORY,
                Map.of(ServiceProvisioner.CAPABILITIES_TAG, "exec xray"));
        AwsClients clients = clients(account);
        ProvisionOnRepositoryHandler handler = new ProvisionOnRepositoryHandler(new ServiceProvisioner(
                ProvisioningConfig.fromEnvironment(env), clients, bus(env))
                .withRoleCache(RoleCache.fromEnvironment(env, clients)), account.region());
        expect("provisioning", handler.handleRequest(PrimingSamples.cloudTrail(account.region(), "ecr",
                "CreateRepository", Map.of("repositoryName", REPOSITORY), Map.of(), Map.of(), null),
                PrimingSamples.context(account.region())).get("status"), "ok");
        return account.transport().answered();
    }

    static List<String> validation(Map<String, String> env) {
        Map<String, String> primingEnv = new HashMap<>(env);
        primingEnv.put("SECURITY_HUB_ENABLED", "false");  // Security Hub has its own transport: never primed
        if ("remediate".equalsIgnoreCase(env.getOrDefault("MODE", ""))) {
            primingEnv.put("SECRETS_MANAGER_PREFIX", "priming/");  // the sample's secret: its key is read
        }
        PrimingAccount account = account(env);
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(env);
        Map<String, Object> taskDefinition = seedService(account, config);
        // An AWS managed policy on the execution role, whatever the mode: its reads (GetPolicy, GetPolicyVersion)
        // are then primed too.
        account.withAttachedPolicy(ServiceIdentity.forRepository(REPOSITORY, config).executionRoleName(),
                AWS_EXECUTION_POLICY);
        validateOnce(account, primingEnv, taskDefinition);
        // Again with ECS refusing the account setting, as it refuses a function without the permission: the
        // SDK's error path of the JSON protocols (exception unmarshalling, retry decision) is then primed too.
        validateOnce(account.withAccountSettingsRefused(), primingEnv, taskDefinition);
        return account.transport().answered();
    }

    // A handler of its own each time: its account-setting reader then asks ECS again.
    private static void validateOnce(PrimingAccount account, Map<String, String> env,
                                     Map<String, Object> taskDefinition) {
        AwsClients clients = clients(account);
        ValidateTaskDefinitionHandler handler = new ValidateTaskDefinitionHandler(new TaskDefinitionValidation(
                ValidationConfig.fromEnvironment(env), clients).withRoleCache(RoleCache.fromEnvironment(env,
                clients)), account.region());
        expect("validation", handler.handleRequest(PrimingSamples.cloudTrail(account.region(), "ecs",
                "RegisterTaskDefinition", Map.of("family", taskDefinition.get("family")),
                Map.of("taskDefinition", taskDefinition), Map.of(), null), PrimingSamples.context(account.region()))
                .get("status"), "ok");
    }

    static List<String> gitHub(Map<String, String> env) {
        PrimingAccount account = account(env);
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(env);
        GitHubDeployments deployments = GitHubDeployments.parse("[{\"service\":\"priming-sample\","
                + "\"repository\":\"priming-owner/priming-repo\",\"branches\":[\"main\"]}]", config.clusterName(),
                Optional.empty());
        GitHubOidcService service = new GitHubOidcService(config, deployments, clients(account), bus(env));
        GitHubOidcHandler handler = new GitHubOidcHandler(() -> service, account.region());
        DeployTarget target = new DeployRoleBlueprint(config, AccountScope.of(ACCOUNT, account.region()))
                .target(deployments.all().get(0));
        String region = account.region();
        expect("github provider", handler.handleRequest(PrimingSamples.cloudTrail(region, "iam",
                "CreateOpenIDConnectProvider", Map.of("url", "https://token.actions.githubusercontent.com"),
                Map.of(), Map.of(), null), PrimingSamples.context(region)).get("status"), "provisioned");
        for (String subject : List.of("repo:priming-owner/priming-repo:ref:refs/heads/main",
                "repo:someone-else/probe:ref:refs/heads/main")) {
            Map<String, Object> identity = PrimingSamples.gitHubIdentity(subject);
            Map<String, Object> request = Map.of("roleArn", target.deployRoleArn(), "roleSessionName", "priming");
            expect("github role use", handler.handleRequest(PrimingSamples.cloudTrail(region, "sts",
                    "AssumeRoleWithWebIdentity", request, Map.of("audience", "sts.amazonaws.com"), identity, null),
                    PrimingSamples.context(region)).get("status"), "checked");
            expect("github denied use", handler.handleRequest(PrimingSamples.cloudTrail(region, "sts",
                    "AssumeRoleWithWebIdentity", request, Map.of(), identity, "AccessDenied"),
                    PrimingSamples.context(region)).get("status"), "checked");
        }
        return account.transport().answered();
    }

    static List<String> api(Map<String, String> env) {
        PrimingAccount account = account(env).withRepository(REPOSITORY, Map.of());
        Map<String, Object> taskDefinition = seedService(account, ProvisioningConfig.fromEnvironment(env));
        ApiHandler handler = new ApiHandler(ApiApplication.fromEnvironment(env, clients(account)));
        String service = String.valueOf(taskDefinition.get("family"));
        Map<String, String> path = Map.of("service", service);
        expect("api provision", handler.handleRequest(PrimingSamples.apiRequest("POST", "/services/{service}/roles",
                "/services/" + service + "/roles", path, Map.of("capabilities", List.of("exec"))),
                PrimingSamples.context(account.region())).getStatusCode(), 200);
        // An AWS managed policy on the execution role (as the managed mode attaches): its listing is primed too.
        account.withAttachedPolicy(ServiceIdentity.forRepository(REPOSITORY, ProvisioningConfig.fromEnvironment(env))
                .executionRoleName(), AWS_EXECUTION_POLICY);
        expect("api service", handler.handleRequest(PrimingSamples.apiRequest("GET", "/services/{service}",
                "/services/" + service, path, null), PrimingSamples.context(account.region())).getStatusCode(), 200);
        taskDefinition.remove("taskDefinitionArn");
        taskDefinition.remove("revision");
        taskDefinition.remove("status");
        expect("api validation", handler.handleRequest(PrimingSamples.apiRequest("POST", "/validations",
                "/validations", Map.of(), taskDefinition), PrimingSamples.context(account.region())).getStatusCode(),
                200);
        return account.transport().answered();
    }

    // The sample service's roles as provisioning writes them, and a revision using them.
    private static Map<String, Object> seedService(PrimingAccount account, ProvisioningConfig config) {
        ServiceIdentity identity = ServiceIdentity.forRepository(REPOSITORY, config);
        DesiredService desired = new ServiceBlueprint(config, AccountScope.of(ACCOUNT, account.region()))
                .desired(identity, EnumSet.of(TaskRoleCapability.EXEC));
        account.withRole(desired.executionRole()).withRole(desired.taskRole());
        Map<String, Object> taskDefinition = PrimingSamples.taskDefinition(desired, account.region(),
                arn(desired.executionRole().path(), desired.executionRole().name()),
                arn(desired.taskRole().path(), desired.taskRole().name()));
        account.withTaskDefinition(dev.ecsiamguard.core.json.Json.write(taskDefinition));
        return taskDefinition;
    }

    private static String arn(String path, String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role" + path + name;
    }

    // Each priming is its own in-memory account: no role read from another one may answer for it.
    private static PrimingAccount account(Map<String, String> env) {
        RoleCache.clear();
        return new PrimingAccount(ACCOUNT, AwsSettings.fromEnvironment(env).region().id());
    }

    // Own settings: no endpoint overrides, no credential chain (nothing to resolve), the in-memory transport.
    private static AwsClients clients(PrimingAccount account) {
        AwsSettings settings = new AwsSettings(Region.of(account.region()), Map.of(), Optional.empty(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")), List.of());
        return new AwsClients(settings, account.transport());
    }

    private static String bus(Map<String, String> env) {
        return env.getOrDefault("EVENT_BUS_NAME", "ecs-iam-guard");
    }

    private static void expect(String what, Object actual, Object expected) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("SnapStart priming of " + what + " ended with `" + actual
                    + "` instead of `" + expected + "`");
        }
    }
}
