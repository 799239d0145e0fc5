package dev.ecsiamguard.handler;

import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.DynamoDbServiceSpecStore;
import dev.ecsiamguard.aws.IamDocuments;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.LocalInvoker;
import dev.ecsiamguard.local.LocalRuntime;
import dev.ecsiamguard.local.SamTemplate;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;

/**
 * Several stacks of the template in one moto account, as a user deploys them: one per region and environment.
 * The first stack (us-east-1) owns the spec table; every other one names its region. Each stack is the packaged
 * provisioning handler with the environment `template.yaml` gives it, and counts its own AWS calls.
 */
final class Stacks {

    static final String TABLE_REGION = "us-east-1";
    private static final String EVENT = "../events/cloudtrail/ecr-create-repository.json";

    private final MotoServer moto;
    private final LocalAws aws;

    Stacks(MotoServer moto) {
        this.moto = moto;
        this.aws = new LocalAws(moto);
    }

    /** One deployed stack: its handler, its own call recorder, and the repository event of its region. */
    record Stack(String region, String environment, ProvisionOnRepositoryHandler handler, CallRecorder recorder,
                 AwsClients clients) {

        /** Delivers the repository's CreateRepository event of this region, through the Lambda serialization. */
        Map<String, JsonNode> deliver(String repository) {
            try {
                return Json.parse(LocalRuntime.invoke(handler, event(region, repository), new LocalContext(
                        "ProvisionOnRepositoryFunction", 60, 1024, new PrintStream(OutputStream.nullOutputStream()))))
                        .asObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String trustPolicy(String role) {
            return IamDocuments.decode(clients.iam().getRole(r -> r.roleName(role)).role().assumeRolePolicyDocument());
        }

        String inlinePolicy(String role, String name) {
            return IamDocuments.decode(clients.iam().getRolePolicy(r -> r.roleName(role).policyName(name))
                    .policyDocument());
        }
    }

    Stack deploy(String region, String environment, ExecutionInterceptor... faults) {
        Map<String, String> parameters = new HashMap<>(Map.of("Environment", environment));
        if (!region.equals(TABLE_REGION) || !environment.equals("dev")) {
            parameters.put("SpecTableRegion", TABLE_REGION);
        }
        SamTemplate.Function function;
        try {
            function = SamTemplate.load(Path.of("..", "template.yaml"), parameters, region)
                    .function("ProvisionOnRepositoryFunction");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> base = new HashMap<>(moto.environment());
        base.put("AWS_REGION", region);
        Map<String, String> env = LocalInvoker.environment(function, base, Map.of());
        CallRecorder recorder = new CallRecorder();
        AwsSettings settings = AwsSettings.fromEnvironment(env).withInterceptor(recorder);
        for (ExecutionInterceptor fault : faults) {
            settings = settings.withInterceptor(fault);
        }
        AwsClients clients = new AwsClients(settings);
        try {
            new AwsClients(AwsSettings.fromEnvironment(env)).eventBridge()
                    .createEventBus(r -> r.name(env.get("EVENT_BUS_NAME")));
        } catch (ResourceAlreadyExistsException deployedByAnotherEnvironmentStack) {
            // one bus name per region in these tests
        }
        ServiceProvisioner provisioner = new ServiceProvisioner(ProvisioningConfig.fromEnvironment(env), clients,
                env.get("EVENT_BUS_NAME"), DynamoDbServiceSpecStore.fromEnvironment(env, clients));
        return new Stack(region, environment, new ProvisionOnRepositoryHandler(provisioner, region), recorder, clients);
    }

    /** The application's bus and queue in us-east-1, and the spec table (what the first stack deploys). */
    void deployFirstStack() {
        aws.deployApplicationBus();
    }

    /** The repository a user creates in one region (ECR is regional). */
    void createRepository(String region, String name, Map<String, String> tags) {
        Map<String, String> env = new HashMap<>(moto.environment());
        env.put("AWS_REGION", region);
        new AwsClients(AwsSettings.fromEnvironment(env)).ecr().createRepository(r -> r.repositoryName(name)
                .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.ecr.model.Tag.builder()
                        .key(e.getKey()).value(e.getValue()).build()).toList()));
    }

    LocalAws aws() {
        return aws;
    }

    /** The sample CreateRepository event, re-addressed to a region and repository. */
    static String event(String region, String repository) {
        try {
            return Files.readString(Path.of(EVENT)).replace("us-east-1", region)
                    .replace("payments/api", repository);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
