package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.Backoff;
import dev.ecsiamguard.aws.EcrRepositories;
import dev.ecsiamguard.aws.DynamoDbServiceSpecStore;
import dev.ecsiamguard.aws.EcsClusters;
import dev.ecsiamguard.aws.EventPublisher;
import dev.ecsiamguard.aws.IamRoles;
import dev.ecsiamguard.aws.LogGroups;
import dev.ecsiamguard.aws.RoleCache;
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
import dev.ecsiamguard.core.spec.ServiceSpec;
import dev.ecsiamguard.core.spec.ServiceSpecStore;
import dev.ecsiamguard.core.provision.capability.CapabilityDeclaration;
import dev.ecsiamguard.core.remediate.ExecutionGrants;
import dev.ecsiamguard.core.provision.capability.TaskRoleCapabilities;
import dev.ecsiamguard.event.InvalidEventException;
import dev.ecsiamguard.event.RepositoryCreated;
import java.util.ArrayList;
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
    public static final String CAPABILITIES_TAG = TaskRoleCapabilities.TAG;
    /** A repository tag that names the one environment whose stack provisions it. */
    public static final String ENVIRONMENT_TAG = "ecs-iam-guard:environment";
    private static final int MAX_ROUNDS = 4;
    private static final int MAX_SPEC_ROUNDS = 4;

    private final ProvisioningConfig config;
    private final IamRoles roles;
    private final LogGroups logGroups;
    private final EcsClusters clusters;
    private final EcrRepositories repositories;
    private final EventPublisher publisher;
    private final ServiceSpecStore specs;
    private final SpecDeclarations declarations;
    private final Reconciler reconciler = new Reconciler();
    private final AwsClients clients;
    private RoleCache roleCache = RoleCache.off();

    /** With the spec table of the default name in the function's own region. */
    public ServiceProvisioner(ProvisioningConfig config, AwsClients clients, String busName) {
        this(config, clients, busName, DynamoDbServiceSpecStore.fromEnvironment(Map.of(), clients));
    }

    public ServiceProvisioner(ProvisioningConfig config, AwsClients clients, String busName, ServiceSpecStore specs) {
        this.config = config;
        this.clients = clients;
        this.roles = new IamRoles(clients.iam(), Backoff.forIamPropagation());
        this.logGroups = new LogGroups(clients.logs());
        this.clusters = new EcsClusters(clients.ecs());
        this.repositories = new EcrRepositories(clients.ecr());
        this.publisher = new EventPublisher(clients.eventBridge(), busName);
        this.specs = specs;
        this.declarations = new SpecDeclarations(config);
    }

    /** Reads roles through the execution environment's cache (the function's settings); without it, fresh. */
    public ServiceProvisioner withRoleCache(RoleCache cache) {
        this.roleCache = cache;
        return this;
    }

    public ProvisionResult provision(RepositoryCreated event) {
        long callsBefore = clients.callCount();
        ServiceIdentity identity = ServiceIdentity.forRepository(event.repositoryName(), config);
        Map<String, String> tags = repositories.tags(AccountScope.of(event.account(), event.region()),
                        event.repositoryName())
                .orElseThrow(() -> new InvalidEventException("repository `" + event.repositoryName()
                        + "` no longer exists: nothing provisioned"));
        String owner = tags.getOrDefault(ENVIRONMENT_TAG, "").trim();
        if (!owner.isEmpty() && !owner.equals(config.environment())) {
            return skipped(identity, "repository `" + event.repositoryName() + "` is tagged " + ENVIRONMENT_TAG
                    + "=" + owner + "; this stack provisions environment `" + config.environment() + "`")
                    .withAwsCalls(clients.callCount() - callsBefore);
        }
        List<CapabilityDeclaration> declared = capabilities(tags);
        // Scope is checked here, while each declaration still knows which tag item it came from.
        TaskRoleCapabilities.policy(declared, TaskRoleCapabilities.scope(identity.service(),
                AccountScope.of(event.account(), event.region()), List.of(event.region()), config));
        ProvisionRequest request = new ProvisionRequest(identity.service(), event.repositoryName(), event.account(),
                event.region(), TaskRoleCapabilities.texts(declared), false, Optional.empty(), Optional.empty());
        return reconcile(request).withAwsCalls(clients.callCount() - callsBefore);
    }

    /** Provisions what a request names; its names and prefixes must already be validated by the caller. */
    public ProvisionResult provision(ProvisionRequest request) {
        long callsBefore = clients.callCount();
        return reconcile(request).withAwsCalls(clients.callCount() - callsBefore);
    }

    // Spec first (the declaration every stack shares), then the resources from the spec alone, then, if this run
    // wrote anything, the spec again: when another stack or request changed it meanwhile, reconcile once more, so
    // the last writer always wrote from the latest declaration. A round that wrote nothing cannot have overwritten
    // a newer declaration's resources (their writer reconciles after its own spec write), so a replay reads the
    // spec once.
    private ProvisionResult reconcile(ProvisionRequest request) {
        ServiceIdentity identity = ServiceIdentity.forService(request.service(), request.repositoryName(), config);
        AccountScope scope = AccountScope.of(request.account(), request.region());
        IamRoles roles = this.roles.with(roleCache.begin(clients.iam(), List.of(identity.executionRoleName(),
                identity.taskRoleName())));
        ServiceSpec spec = specs.update(identity.executionRoleName(), () -> declarations.initial(identity,
                roles.read(identity.executionRoleName()), roles.read(identity.taskRoleName())),
                declarations.change(request, identity));
        if (!spec.environment().equals(config.environment())) {
            return skipped(identity, "service `" + identity.service() + "` (role " + identity.executionRoleName()
                    + ") belongs to environment `" + spec.environment() + "`; this stack provisions `"
                    + config.environment() + "`");
        }
        ServiceBlueprint blueprint = new ServiceBlueprint(config, scope);
        List<String> applied = new ArrayList<>();
        Set<Note> notes = new LinkedHashSet<>();
        ServiceState state = null;
        for (int specRound = 1; ; specRound++) {
            DesiredService desired = blueprint.desired(identity, spec);
            ServiceState before = read(desired, roles);
            ServiceSpec adopted = adoptOldRemediationGrants(spec, before);
            if (adopted != spec) {
                spec = adopted;
                desired = blueprint.desired(identity, spec);
            }
            int writesBefore = applied.size();
            state = converge(desired, before, applied, notes, roles);
            if (applied.size() == writesBefore) {
                break;
            }
            ServiceSpec latest = specs.read(spec.id()).orElse(spec);
            if (latest.sameDeclaration(spec)) {
                spec = latest;
                break;
            }
            if (specRound == MAX_SPEC_ROUNDS) {
                throw new ProvisioningConflictException("the spec of service `" + identity.service()
                        + "` kept changing during " + MAX_SPEC_ROUNDS + " rounds");
            }
            spec = latest;
        }
        ProvisionResult result = new ProvisionResult("ok", identity.service(), identity.repositoryName(),
                state.executionRole().arn(), state.taskRole().arn(), identity.logGroupName(), state.cluster().arn(),
                applied, List.copyOf(notes), "", 0);
        announce(result, spec, request.region());
        return result;
    }

    private ServiceState converge(DesiredService desired, ServiceState current, List<String> applied,
                                  Set<Note> notes, IamRoles roles) {
        ServiceState state = current;
        for (int round = 1; ; round++) {
            Plan plan = reconciler.plan(desired, state);
            notes.addAll(plan.notes());
            if (plan.isEmpty()) {
                return state;
            }
            if (round == MAX_ROUNDS) {
                throw new ProvisioningConflictException("service `" + desired.identity().service()
                        + "` did not converge after " + MAX_ROUNDS + " rounds; still to do: "
                        + plan.changes().stream().map(Change::summary).toList());
            }
            applyAll(plan, applied, roles);
            state = read(desired, roles);
        }
    }

    // Published until the spec records it: a change is announced at least once even when PutEvents failed after
    // every write succeeded (the retry finds nothing to change, but the record does not match yet).
    private void announce(ProvisionResult result, ServiceSpec spec, String region) {
        String digest = result.announcementDigest();
        boolean announcedAlready = digest.equals(spec.announced().get(region));
        if (result.changed() || !announcedAlready) {
            publisher.publish(DETAIL_TYPE, Json.write(result.toMap()), result.executionRoleArn());
        }
        if (!announcedAlready) {
            specs.update(spec.id(), () -> spec, current -> current.withAnnounced(region, digest));
        }
    }

    private ProvisionResult skipped(ServiceIdentity identity, String why) {
        return new ProvisionResult("skipped", identity.service(), identity.repositoryName(), "", "", "", "",
                List.of(), List.of(), why, 0);
    }

    // Upgrade: grants an earlier version kept in its own remediation policy move into the spec (add before
    // remove: the old policy stays until someone deletes it). Costs no call, the state is already read.
    private ServiceSpec adoptOldRemediationGrants(ServiceSpec spec, ServiceState state) {
        ServiceSpec adopted = withOldRemediationGrants(spec, state);
        return adopted.sameDeclaration(spec) ? spec
                : specs.update(spec.id(), () -> spec, current -> withOldRemediationGrants(current, state));
    }

    /** The spec with the grants of the execution role's old remediation policy, when it carries one. */
    static ServiceSpec withOldRemediationGrants(ServiceSpec spec, ServiceState state) {
        String document = state.executionRole().exists() && state.executionRole().managedByUs()
                ? state.executionRole().inlinePolicies().get(ExecutionGrants.POLICY_NAME) : null;
        return document == null ? spec : ExecutionGrants.adopt(spec, document);
    }

    private ServiceState read(DesiredService desired, IamRoles roles) {
        return new ServiceState(roles.read(desired.executionRole().name()), roles.read(desired.taskRole().name()),
                logGroups.readForPlan(desired.logGroup()), clusters.read(desired.cluster().name()));
    }

    // A concurrent run may create the same resource first: that write fails as "already exists", and the next
    // round re-reads and plans again from what is really there.
    private void applyAll(Plan plan, List<String> applied, IamRoles roles) {
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
            } catch (EcsClusters.AlreadyCreated lostRace) {
                return;
            }
        }
    }

    private static boolean isConflict(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        return code.equals("EntityAlreadyExists") || code.equals("ResourceAlreadyExistsException")
                || code.equals("ConcurrentModification") || code.equals("OperationAbortedException");
    }

    /**
     * The capability declarations a repository's `ecs-iam-guard:capabilities` tag (and its continuations) name, as
     * written; each must parse, so a bad tag is rejected before anything is written.
     */
    public static List<String> capabilityDeclarations(Map<String, String> repositoryTags) {
        return TaskRoleCapabilities.texts(capabilities(repositoryTags));
    }

    /** The capabilities a repository's `ecs-iam-guard:capabilities` tag (and its continuations) declare. */
    public static List<CapabilityDeclaration> capabilities(Map<String, String> repositoryTags) {
        return TaskRoleCapabilities.fromTags(repositoryTags);
    }
}
