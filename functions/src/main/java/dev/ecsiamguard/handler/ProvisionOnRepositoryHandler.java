package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ecsiamguard.app.ProvisionResult;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.DynamoDbServiceSpecStore;
import dev.ecsiamguard.aws.RoleCache;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.event.CloudTrailCall;
import dev.ecsiamguard.event.Envelope;
import dev.ecsiamguard.event.FunctionScope;
import dev.ecsiamguard.event.InvalidEventException;
import dev.ecsiamguard.event.RepositoryCreated;
import java.util.Map;
import java.util.Objects;

/**
 * On CloudTrail `ecr:CreateRepository`: provision the service's roles, log group and cluster.
 * Invalid input is answered with a `rejected` result (no retry can fix it); AWS failures are thrown so that
 * EventBridge's asynchronous retries and the dead-letter queue take over.
 */
public final class ProvisionOnRepositoryHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final BackgroundBuild<ServiceProvisioner> provisioner;
    private final String region;

    /** As Lambda constructs it: the graph is built in the background (see {@link BackgroundBuild}). */
    public ProvisionOnRepositoryHandler() {
        this(BackgroundBuild.start("provisioning", () -> provisioner(System.getenv())),
                AwsSettings.regionName(System.getenv()));
        ClassPreload.start(getClass());
        Priming.register(getClass().getName(), () -> {  // SnapStart
            provisioner.get();
            HandlerPriming.provisioning(System.getenv());
        });
    }

    public ProvisionOnRepositoryHandler(Map<String, String> env) {
        this(BackgroundBuild.ready(provisioner(env)), AwsSettings.regionName(env));
    }

    /** With the function's own region (its `AWS_REGION`); account and partition come from each invocation. */
    ProvisionOnRepositoryHandler(ServiceProvisioner provisioner, String region) {
        this(BackgroundBuild.ready(provisioner), region);
    }

    private ProvisionOnRepositoryHandler(BackgroundBuild<ServiceProvisioner> provisioner, String region) {
        this.provisioner = provisioner;
        this.region = Objects.requireNonNull(region, "region");
    }

    private static ServiceProvisioner provisioner(Map<String, String> env) {
        AwsClients clients = new AwsClients(AwsSettings.fromEnvironment(env));
        return new ServiceProvisioner(ProvisioningConfig.fromEnvironment(env), clients,
                env.getOrDefault("EVENT_BUS_NAME", "ecs-iam-guard"), DynamoDbServiceSpecStore.fromEnvironment(env,
                clients)).withRoleCache(RoleCache.fromEnvironment(env, clients));
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        // Outside the try: a build that failed on a setting fails the invocation, it does not reject the event.
        ServiceProvisioner provisioner = this.provisioner.get();
        ProvisionResult result;
        String repository = null;
        try {
            FunctionScope own = FunctionScope.of(context, region);
            Envelope.requireWithin(event, own);
            RepositoryCreated created = RepositoryCreated.from(CloudTrailCall.from(event));
            repository = created.repositoryName();
            own.requireAccount(created.account(), "repository registry");
            result = provisioner.provision(created);
        } catch (InvalidEventException | IllegalArgumentException e) {
            result = ProvisionResult.rejected(repository, e.getMessage());
        }
        Map<String, Object> line = new java.util.LinkedHashMap<>(result.toMap());
        line.put("awsCalls", result.awsCalls());
        LogLine.write(context, "rejected".equals(result.status()) ? "WARN" : "INFO", "provision", line);
        return result.toMap();
    }
}
