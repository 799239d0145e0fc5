package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyParseException;
import dev.ecsiamguard.core.provision.RoleState;
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

/**
 * Roles of one account as validators see them, read through the IAM API: trust, inline and attached policies
 * (default versions) and boundary. AWS managed policy documents are the same for every role and change rarely,
 * so they are kept for the life of the execution environment; the role itself comes from {@link RoleReads} (fresh,
 * or a trusted {@link RoleCache} entry); customer managed policy documents are read fresh per validation.
 */
public final class AccountRoleLookup implements RoleLookup {

    // Survives warm invocations: one execution environment keeps each AWS managed policy it has met, for at most an
    // hour (AWS publishes new versions of its policies) and at most 256 of them.
    private static final ExpiringCache<String, PolicyDocument> AWS_MANAGED = EnvironmentCaches.register(
            new ExpiringCache<>(256, java.time.Duration.ofHours(1), java.time.Clock.systemUTC()));

    private final IamClient iam;
    private final String accountId;
    private final RoleReads reads;
    private final Map<String, RoleResolution> seen = new HashMap<>();

    /** Every role read fresh (the sweep, the command line). */
    public AccountRoleLookup(IamClient iam, String accountId) {
        this(iam, accountId, RoleReads.fresh(iam));
    }

    /** Roles read through one invocation's reads (the execution environment's {@link RoleCache}). */
    public AccountRoleLookup(IamClient iam, String accountId, RoleReads reads) {
        this.iam = iam;
        this.accountId = accountId;
        this.reads = reads;
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
        RoleState role;
        try {
            role = reads.read(name);
        } catch (NoSuchEntityException e) {
            return RoleResolution.unknown("a policy of role " + name + " disappeared while it was read");
        }
        if (!role.exists()) {
            return RoleResolution.missing("no role named " + name + " in account " + accountId);
        }
        String current = "trust policy";
        try {
            NamedPolicy trust = new NamedPolicy("trust", PolicyDocument.parseTrust(role.trustPolicy()));
            List<NamedPolicy> inline = new ArrayList<>();
            // IAM lists inline policies by name; the read keeps them in no particular order.
            for (var policy : new TreeMap<>(role.inlinePolicies()).entrySet()) {
                current = "inline policy " + policy.getKey();
                inline.add(new NamedPolicy(policy.getKey(), PolicyDocument.parseIdentity(policy.getValue())));
            }
            List<NamedPolicy> managed = new ArrayList<>();
            for (String arn : role.attachedPolicyArns()) {
                current = "managed policy " + arn;
                managed.add(new NamedPolicy(arn, managedDocument(arn)));
            }
            Optional<NamedPolicy> boundary = Optional.empty();
            if (role.boundaryArn().isPresent()) {
                String arn = role.boundaryArn().get();
                current = "permissions boundary " + arn;
                boundary = Optional.of(new NamedPolicy(arn, managedDocument(arn)));
            }
            String roleName = role.arn().substring(role.arn().lastIndexOf('/') + 1);
            return RoleResolution.found(new RoleSnapshot(role.arn(), roleName, role.path(), trust, inline,
                    managed, boundary, new TreeMap<>(role.tags())));
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
