package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.Backoff;
import dev.ecsiamguard.aws.EcrRepositories;
import dev.ecsiamguard.aws.EcsClusters;
import dev.ecsiamguard.aws.EventPublisher;
import dev.ecsiamguard.aws.IamRoles;
import dev.ecsiamguard.aws.LogGroups;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.DesiredService;
import dev.ecsiamguard.core.provision.Note;
import dev.ecsiamguard.core.provision.Plan;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.Reconciler;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.provision.ServiceIdentity;
import dev.ecsiamguard.core.provision.ServiceState;
import dev.ecsiamguard.core.provision.TaskRoleCapability;
import dev.ecsiamguard.event.InvalidEventException;
import dev.ecsiamguard.event.RepositoryCreated;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Provisions one service's roles, log group and cluster by reconciliation: read, plan, apply only the
 * difference, and read again until nothing is left to do, so replays write nothing and concurrent runs converge.
 */
public final class ServiceProvisioner {

    public static final String DETAIL_TYPE = "Service Roles Provisioned";
    public static final String CAPABILITIES_TAG = "ecs-iam-guard:capabilities";
    private static final int MAX_ROUNDS = 4;

    private final ProvisioningConfig config;
    private final IamRoles roles;
    private final LogGroups logGroups;
    private final EcsClusters clusters;
    private final EcrRepositories repositories;
    private final EventPublisher publisher;
    private final Reconciler reconciler = new Reconciler();
    private final AwsClients clients;

    public ServiceProvisioner(ProvisioningConfig config, AwsClients clients, String busName) {
        this.config = config;
        this.clients = clients;
        this.roles = new IamRoles(clients.iam(), Backoff.forIamPropagation());
        this.logGroups = new LogGroups(clients.logs());
        this.clusters = new EcsClusters(clients.ecs());
        this.repositories = new EcrRepositories(clients.ecr());
        this.publisher = new EventPublisher(clients.eventBridge(), busName);
    }

    public ProvisionResult provision(RepositoryCreated event) {
        long callsBefore = clients.callCount();
        ServiceIdentity identity = ServiceIdentity.forRepository(event.repositoryName(), config);
        Map<String, String> tags = repositories.tags(AccountScope.of(event.account(), event.region()),
                        event.repositoryName())
                .orElseThrow(() -> new InvalidEventException("repository `" + event.repositoryName()
                        + "` no longer exists: nothing provisioned"));
        ProvisionRequest request = new ProvisionRequest(identity.service(), event.repositoryName(), event.account(),
                event.region(), capabilities(tags), Optional.empty(), Optional.empty());
        return reconcile(request).withAwsCalls(clients.callCount() - callsBefore);
    }

    /** Provisions what a request names; its names and prefixes must already be validated by the caller. */
    public ProvisionResult provision(ProvisionRequest request) {
        long callsBefore = clients.callCount();
        return reconcile(request).withAwsCalls(clients.callCount() - callsBefore);
    }

    private ProvisionResult reconcile(ProvisionRequest request) {
        ProvisioningConfig effective = config.withSecretPrefixes(request.secretsManagerPrefix(),
                request.ssmParameterPrefix());
        ServiceIdentity identity = ServiceIdentity.forService(request.service(), request.repositoryName(), effective);
        AccountScope scope = AccountScope.of(request.account(), request.region());
        DesiredService desired = new ServiceBlueprint(effective, scope).desired(identity, request.capabilities());

        List<String> applied = new ArrayList<>();
        Set<Note> notes = new LinkedHashSet<>();
        ServiceState state = read(desired);
        for (int round = 1; ; round++) {
            Plan plan = reconciler.plan(desired, state);
            notes.addAll(plan.notes());
            if (plan.isEmpty()) {
                break;
            }
            if (round == MAX_ROUNDS) {
                throw new ProvisioningConflictException("service `" + identity.service() + "` did not converge after "
                        + MAX_ROUNDS + " rounds; still to do: " + plan.changes().stream().map(Change::summary)
                        .toList());
            }
            applyAll(plan, applied);
            state = read(desired);
        }
        ProvisionResult result = new ProvisionResult("ok", identity.service(), identity.repositoryName(),
                state.executionRole().arn(), state.taskRole().arn(), identity.logGroupName(), state.cluster().arn(),
                applied, List.copyOf(notes), "", 0);
        if (result.changed() || !notes.isEmpty()) {
            publisher.publish(DETAIL_TYPE, Json.write(result.toMap()), state.executionRole().arn());
        }
        return result;
    }

    private ServiceState read(DesiredService desired) {
        return new ServiceState(roles.read(desired.executionRole().name()), roles.read(desired.taskRole().name()),
                logGroups.readForPlan(desired.logGroup()), clusters.read(desired.cluster().name()));
    }

    // A concurrent run may create the same resource first: that write fails as "already exists", and the next
    // round re-reads and plans again from what is really there.
    private void applyAll(Plan plan, List<String> applied) {
        for (Change change : plan.changes()) {
            try {
                boolean handled = roles.apply(change) || logGroups.apply(change) || clusters.apply(change);
                if (!handled) {
                    throw new IllegalStateException("no adapter for change " + change.summary());
                }
                applied.add(change.summary());
            } catch (AwsServiceException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                return;
            }
        }
    }

    private static boolean isConflict(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        return code.equals("EntityAlreadyExists") || code.equals("ResourceAlreadyExistsException")
                || code.equals("ConcurrentModification") || code.equals("OperationAbortedException");
    }

    /** The opt-in capabilities a repository's `ecs-iam-guard:capabilities` tag names. */
    public static Set<TaskRoleCapability> capabilities(Map<String, String> repositoryTags) {
        String value = repositoryTags.getOrDefault(CAPABILITIES_TAG, "").trim();
        Set<TaskRoleCapability> set = EnumSet.noneOf(TaskRoleCapability.class);
        if (!value.isEmpty()) {
            for (String name : value.split("[\\s+]+")) {
                set.add(TaskRoleCapability.parse(name));
            }
        }
        return set;
    }
}
