package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.IamDocuments;
import dev.ecsiamguard.core.github.GitHubOidc;
import dev.ecsiamguard.core.github.RoleChecks;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyParseException;
import dev.ecsiamguard.core.sweep.ItemKind;
import dev.ecsiamguard.core.sweep.SweepItem;
import dev.ecsiamguard.core.trust.TrustedRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Lists what one account holds that a sweep judges, with list calls only (a few per hundred items): clusters, the
 * revision each service runs, each family's latest ACTIVE revision, roles whose trust lets ECS tasks or GitHub
 * Actions assume them (decided by the policy engine's trust grants), and GitHub's OIDC provider.
 */
public final class SweepInventory {

    private static final int DESCRIBE_SERVICES_MAX = 10;

    private final AwsClients clients;
    private final String account;

    public SweepInventory(AwsClients clients, String account) {
        this.clients = clients;
        this.account = account;
    }

    public List<SweepItem> list() {
        List<SweepItem> items = new ArrayList<>();
        // A revision both running and latest is judged once; the first reason found names it.
        Map<String, String> revisions = new LinkedHashMap<>();
        EcsClient ecs = clients.ecs();
        for (String clusterArn : ecs.listClustersPaginator(r -> { }).clusterArns()) {
            items.add(new SweepItem(ItemKind.CLUSTER, clusterArn, account, "cluster"));
            List<String> services = ecs.listServicesPaginator(r -> r.cluster(clusterArn)).serviceArns().stream()
                    .toList();
            for (int i = 0; i < services.size(); i += DESCRIBE_SERVICES_MAX) {
                List<String> chunk = services.subList(i, Math.min(services.size(), i + DESCRIBE_SERVICES_MAX));
                for (Service s : ecs.describeServices(r -> r.cluster(clusterArn).services(chunk)).services()) {
                    revisions.putIfAbsent(s.taskDefinition(), "running in service " + s.serviceName()
                            + " on cluster " + clusterArn.substring(clusterArn.lastIndexOf('/') + 1));
                }
            }
        }
        latestPerFamily(ecs).forEach((family, arn) -> revisions.putIfAbsent(arn, "latest ACTIVE of " + family));
        revisions.forEach((arn, origin) -> items.add(new SweepItem(ItemKind.TASK_DEFINITION, arn, account, origin)));
        for (Role role : clients.iam().listRolesPaginator(r -> { }).roles()) {
            kindOf(role).ifPresent(kind -> items.add(new SweepItem(kind, role.arn(), account,
                    kind == ItemKind.GITHUB_ROLE ? "trusts GitHub Actions" : "trusted by " + TrustedRole.ECS_TASKS)));
        }
        clients.iam().listOpenIDConnectProviders().openIDConnectProviderList().stream()
                .filter(p -> p.arn().endsWith(":oidc-provider/" + GitHubOidc.HOST))
                .forEach(p -> items.add(new SweepItem(ItemKind.OIDC_PROVIDER, p.arn(), account, "GitHub's provider")));
        return items;
    }

    /** ListTaskDefinitions returns 100 ARNs a page: the latest of each family follows without a describe. */
    private static Map<String, String> latestPerFamily(EcsClient ecs) {
        Map<String, String> latest = new LinkedHashMap<>();
        Map<String, Integer> revision = new LinkedHashMap<>();
        for (String arn : ecs.listTaskDefinitionsPaginator(r -> r.status(TaskDefinitionStatus.ACTIVE))
                .taskDefinitionArns()) {
            String familyRevision = arn.substring(arn.lastIndexOf('/') + 1);
            int colon = familyRevision.lastIndexOf(':');
            String family = familyRevision.substring(0, colon);
            int number = Integer.parseInt(familyRevision.substring(colon + 1));
            if (number > revision.getOrDefault(family, 0)) {
                revision.put(family, number);
                latest.put(family, arn);
            }
        }
        return latest;
    }

    /**
     * GitHub before ECS (a role trusting both gets the GitHub rules too). A trust policy the parser cannot read
     * stays in the sweep as an ECS role, so its judge reports the error instead of the role silently vanishing.
     */
    private static Optional<ItemKind> kindOf(Role role) {
        NamedPolicy trust;
        try {
            trust = new NamedPolicy("trust", PolicyDocument.parseTrust(
                    IamDocuments.decode(role.assumeRolePolicyDocument())));
        } catch (PolicyParseException | IllegalArgumentException unreadable) {
            return Optional.of(ItemKind.ECS_ROLE);
        }
        if (RoleChecks.trustsGitHub(role.arn(), trust)) {
            return Optional.of(ItemKind.GITHUB_ROLE);
        }
        return TrustedRole.of(role.arn(), TrustedRole.accountOf(role.arn()), trust, false).trustsEcsTasks()
                ? Optional.of(ItemKind.ECS_ROLE) : Optional.empty();
    }
}
