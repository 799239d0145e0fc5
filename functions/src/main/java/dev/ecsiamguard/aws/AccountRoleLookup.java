package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyParseException;
import dev.ecsiamguard.core.roles.RoleLookup;
import dev.ecsiamguard.core.roles.RoleResolution;
import dev.ecsiamguard.core.roles.RoleSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Roles of one account as validators see them, read through the IAM API: trust, inline and attached policies
 * (default versions) and boundary. AWS managed policy documents are the same for every role and change rarely,
 * so they are kept for the life of the execution environment; everything else is read fresh per validation.
 */
public final class AccountRoleLookup implements RoleLookup {

    // Survives warm invocations: one execution environment keeps each AWS managed policy it has met, for at most an
    // hour (AWS publishes new versions of its policies) and at most 256 of them.
    private static final ExpiringCache<String, PolicyDocument> AWS_MANAGED = EnvironmentCaches.register(
            new ExpiringCache<>(256, java.time.Duration.ofHours(1), java.time.Clock.systemUTC()));

    private final IamClient iam;
    private final String accountId;
    private final Map<String, RoleResolution> seen = new HashMap<>();

    public AccountRoleLookup(IamClient iam, String accountId) {
        this.iam = iam;
        this.accountId = accountId;
    }

    /** Forgets cached AWS managed policies only ({@link EnvironmentCaches#clearAll()} empties every cache). */
    public static void forgetManagedPolicies() {
        AWS_MANAGED.clear();
    }

    /** How many AWS managed policies this execution environment holds. */
    public static int cachedManagedPolicies() {
        return AWS_MANAGED.size();
    }

    @Override
    public RoleResolution find(String roleArnOrName) {
        return seen.computeIfAbsent(roleArnOrName.strip(), this::load);
    }

    private RoleResolution load(String reference) {
        String[] parts = reference.split(":", 6);
        if (reference.startsWith("arn:") && parts.length == 6 && !parts[4].equals(accountId)) {
            return RoleResolution.unknown("role is in account " + parts[4] + "; only account " + accountId
                    + " can be read");
        }
        String name = reference.substring(reference.lastIndexOf('/') + 1);
        Role role;
        try {
            role = iam.getRole(r -> r.roleName(name)).role();
        } catch (NoSuchEntityException e) {
            return RoleResolution.missing("no role named " + name + " in account " + accountId);
        }
        String current = "trust policy";
        try {
            NamedPolicy trust = new NamedPolicy("trust",
                    PolicyDocument.parseTrust(IamDocuments.decode(role.assumeRolePolicyDocument())));
            List<NamedPolicy> inline = new ArrayList<>();
            for (String policyName : iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames()) {
                current = "inline policy " + policyName;
                String doc = iam.getRolePolicy(r -> r.roleName(name).policyName(policyName)).policyDocument();
                inline.add(new NamedPolicy(policyName, PolicyDocument.parseIdentity(IamDocuments.decode(doc))));
            }
            List<NamedPolicy> managed = new ArrayList<>();
            for (var attached : iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies()) {
                current = "managed policy " + attached.policyArn();
                managed.add(new NamedPolicy(attached.policyArn(), managedDocument(attached.policyArn())));
            }
            Optional<NamedPolicy> boundary = Optional.empty();
            if (role.permissionsBoundary() != null && role.permissionsBoundary().permissionsBoundaryArn() != null) {
                String arn = role.permissionsBoundary().permissionsBoundaryArn();
                current = "permissions boundary " + arn;
                boundary = Optional.of(new NamedPolicy(arn, managedDocument(arn)));
            }
            Map<String, String> tags = new TreeMap<>();
            role.tags().forEach(t -> tags.put(t.key(), t.value()));
            return RoleResolution.found(new RoleSnapshot(role.arn(), role.roleName(), role.path(), trust, inline,
                    managed, boundary, tags));
        } catch (PolicyParseException e) {
            return RoleResolution.unknown("the " + current + " of role " + name + " cannot be read: " + e.getMessage());
        } catch (NoSuchEntityException e) {
            return RoleResolution.unknown("the " + current + " of role " + name + " does not exist");
        }
    }

    private PolicyDocument managedDocument(String policyArn) {
        if (policyArn.contains(":iam::aws:policy/")) {
            return AWS_MANAGED.get(policyArn, () -> defaultVersion(policyArn), loaded -> true);
        }
        return defaultVersion(policyArn);
    }

    private PolicyDocument defaultVersion(String policyArn) {
        String version = iam.getPolicy(r -> r.policyArn(policyArn)).policy().defaultVersionId();
        String document = iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId(version)).policyVersion()
                .document();
        return PolicyDocument.parseIdentity(IamDocuments.decode(document));
    }
}
