package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.EcrRepositories;
import dev.ecsiamguard.aws.EcsClusters;
import dev.ecsiamguard.aws.IamRoles;
import dev.ecsiamguard.aws.LogGroups;
import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.aws.Backoff;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.DesiredService;
import dev.ecsiamguard.core.provision.DriftFindings;
import dev.ecsiamguard.core.provision.Plan;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.Reconciler;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.provision.ServiceIdentity;
import dev.ecsiamguard.core.provision.ServiceState;
import dev.ecsiamguard.core.spec.ServiceSpec;
import dev.ecsiamguard.core.spec.ServiceSpecStore;
import dev.ecsiamguard.core.provision.capability.CapabilityDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports one service without changing anything: reads what exists, plans as provisioning would, and turns the
 * plan into findings (drift), plus whatever {@link ServiceFindings} adds.
 */
public final class ServiceInspector {

    private final ProvisioningConfig config;
    private final IamRoles roles;
    private final LogGroups logGroups;
    private final EcsClusters clusters;
    private final ServiceRepositories repositories;
    private final ServiceFindings extra;
    private final Reconciler reconciler = new Reconciler();
    private final ServiceSpecStore specs;

    public ServiceInspector(ProvisioningConfig config, AwsClients clients, ServiceFindings extra,
                            ServiceSpecStore specs) {
        this.specs = specs;
        this.config = config;
        this.roles = new IamRoles(clients.iam(), Backoff.forIamPropagation());
        this.logGroups = new LogGroups(clients.logs());
        this.clusters = new EcsClusters(clients.ecs());
        this.repositories = new ServiceRepositories(config, new EcrRepositories(clients.ecr()));
        this.extra = extra;
    }

    /** The service's report, or empty when none of its own roles and log group exist. */
    public Optional<ServiceReport> inspect(String service, String account, String region) {
        AccountScope scope = AccountScope.of(account, region);
        ServiceIdentity.forService(service, service, config);
        Optional<String> repository = repositories.find(service, account);
        Map<String, String> tags = repository.flatMap(r -> repositories.tags(scope, r)).orElse(Map.of());
        List<CapabilityDeclaration> capabilities = ServiceProvisioner.capabilities(tags);
        ServiceIdentity identity = ServiceIdentity.forService(service, repository.orElse(service), config);
        // The declared spec when there is one (every region's facet), else what this stack alone would provision.
        Optional<ServiceSpec> spec = specs.read(identity.executionRoleName());
        ServiceState state = new ServiceState(roles.read(identity.executionRoleName()),
                roles.read(identity.taskRoleName()), logGroups.read(identity.logGroupName()),
                clusters.read(config.clusterName()));
        if (!state.executionRole().exists() && !state.taskRole().exists() && !state.logGroup().exists()) {
            return Optional.empty();
        }
        // With the old remediation policy's grants as the next provisioning run adopts them.
        DesiredService desired = spec.map(s -> new ServiceBlueprint(config, scope).desired(identity,
                        ServiceProvisioner.withOldRemediationGrants(s, state)))
                .orElseGet(() -> new ServiceBlueprint(config, scope).desired(identity, capabilities));
        Plan plan = reconciler.plan(desired, state);
        String arn = state.executionRole().exists() ? state.executionRole().arn() : state.taskRole().arn();
        String subject = arn.isEmpty() ? service : arn;
        Report drift = DriftFindings.check(plan, desired, state, scope, subject);
        Report more = extra.of(desired, state);
        List<Finding> findings = new ArrayList<>(drift.findings());
        findings.addAll(more.findings());
        List<RuleError> errors = new ArrayList<>(drift.errors());
        errors.addAll(more.errors());
        return Optional.of(new ServiceReport(service, identity.repositoryName(), repository.isPresent(), state,
                new Report(subject, findings, errors)));
    }
}
