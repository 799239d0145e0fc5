package dev.ecsiamguard.handler;

import dev.ecsiamguard.app.ApiApplication;
import dev.ecsiamguard.app.GitHubOidcService;
import dev.ecsiamguard.app.ServiceFindings;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.app.TaskDefinitionValidation;
import dev.ecsiamguard.app.ValidationConfig;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.github.GitHubDeployments;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.LocalRuntime;
import dev.ecsiamguard.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Every function's handler, built against moto with the given interceptors (a call recorder, a fault injector),
 * and invoked through the Lambda runtime's own serialization, as in the cloud.
 */
final class AllHandlers {

    static final Path EVENTS = Path.of("..", "events");
    static final String DEPLOYMENTS = "[{\"service\":\"payments-api\",\"repository\":\"acme/payments-api\","
            + "\"repositoryId\":\"789012\",\"ownerId\":\"123456\",\"branches\":[\"main\"],"
            + "\"environments\":[\"production\"],\"ecrRepository\":\"payments/api\",\"cluster\":\"ecs-dev\","
            + "\"ecsService\":\"payments-api\"}]";

    enum Kind { PROVISION, VALIDATE, GITHUB, API }

    final ProvisionOnRepositoryHandler provision;
    final ValidateTaskDefinitionHandler validate;
    final GitHubOidcHandler github;
    final ApiHandler api;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    AllHandlers(MotoServer moto, ExecutionInterceptor... interceptors) {
        AwsSettings settings = moto.settings();
        for (ExecutionInterceptor i : interceptors) {
            settings = settings.withInterceptor(i);
        }
        AwsClients clients = new AwsClients(settings);
        Map<String, String> env = moto.environment();
        ProvisioningConfig config = ProvisioningConfig.fromEnvironment(env);
        String region = settings.region().id();
        provision = new ProvisionOnRepositoryHandler(new ServiceProvisioner(config, clients, "ecs-iam-guard"),
                region);
        validate = new ValidateTaskDefinitionHandler(new TaskDefinitionValidation(
                ValidationConfig.fromEnvironment(env), clients), region);
        GitHubOidcService oidc = new GitHubOidcService(config, GitHubDeployments.parse(DEPLOYMENTS,
                config.clusterName(), Optional.empty()), clients, "ecs-iam-guard");
        github = new GitHubOidcHandler(() -> oidc, region);
        api = new ApiHandler(new ApiApplication(config, clients, "ecs-iam-guard", Severity.HIGH,
                ApiApplication.DEFAULT_MAX_REQUEST_BYTES, ServiceFindings.TRUST));
    }

    /** Which function a sample event file goes to, by its folder and name (as the template routes it). */
    static Kind kindOf(String file) {
        String name = Path.of(file).getFileName().toString();
        if (file.contains("apigw")) {
            return Kind.API;
        }
        if (name.startsWith("ecr-")) {
            return Kind.PROVISION;
        }
        if (name.startsWith("ecs-")) {
            return Kind.VALIDATE;
        }
        return name.equals("not-cloudtrail.json") ? Kind.PROVISION : Kind.GITHUB;
    }

    Object handler(Kind kind) {
        return switch (kind) {
            case PROVISION -> provision;
            case VALIDATE -> validate;
            case GITHUB -> github;
            case API -> api;
        };
    }

    /** One invocation as the Lambda runtime makes it: JSON in, JSON out; the log goes to {@link #log}. */
    String invoke(Kind kind, String eventJson) throws java.io.IOException {
        return LocalRuntime.invoke(handler(kind), eventJson, new LocalContext(kind.name(), 60, 1024,
                new PrintStream(log, true, StandardCharsets.UTF_8)));
    }

    String takeLog() {
        String text = log.toString(StandardCharsets.UTF_8);
        log.reset();
        return text;
    }
}
