package dev.ecsiamguard.core.remediate;

import dev.ecsiamguard.core.policy.EvaluationResult;
import dev.ecsiamguard.core.policy.Request;
import dev.ecsiamguard.core.provision.SpecExecutionGrants;
import dev.ecsiamguard.core.roles.ExecutionRoleGaps.Gap;
import dev.ecsiamguard.core.roles.RoleAnalysisContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KMS half of reading a secret: for each secret the revision reads that remediation may grant, the customer
 * managed key that encrypts it must allow {@code kms:Decrypt} through Secrets Manager. The policy engine decides
 * whether the role already may; a key in this account and region is granted, one elsewhere stays a finding
 * whose fix is the exact statement. Secrets under the AWS managed key need nothing.
 */
public final class SecretKeyPlanner {

    private final RemediationScope scope;
    private final RemediationPlanner planner;
    private final SecretKeys keys;

    public SecretKeyPlanner(RemediationScope scope, SecretKeys keys) {
        this.scope = scope;
        this.planner = new RemediationPlanner(scope);
        this.keys = keys;
    }

    /** Reads each secret's key (one lookup per secret) and plans what its key needs. */
    public RemediationPlan plan(List<Gap> secretReads, RoleAnalysisContext.Analyzed role) {
        Map<String, Gap> bySecret = new LinkedHashMap<>();
        secretReads.stream().filter(g -> planner.refusal(g) == null)
                .forEach(g -> bySecret.putIfAbsent(g.fixResource(), g));
        List<RemediationPlan.Granted> grants = new ArrayList<>();
        List<RemediationPlan.Refused> refused = new ArrayList<>();
        List<RemediationPlan.Unreadable> unreadable = new ArrayList<>();
        for (Gap read : bySecret.values()) {
            String secret = read.fixResource();
            String key;
            try {
                var found = keys.customerManagedKey(secret);
                if (found.isEmpty()) {
                    continue;
                }
                key = found.get();
            } catch (SecretKeys.Unreadable e) {
                unreadable.add(new RemediationPlan.Unreadable(read.ruleId(), secret, "the KMS key of secret "
                        + secret + " could not be read (" + e.getMessage() + "), so whether execution role "
                        + role.role().name() + " may decrypt it is unknown and kms:Decrypt was not granted"));
                continue;
            }
            String why = "decrypts secret " + secret + ", which " + read.why() + " needs";
            String elsewhere = elsewhere(key);
            EvaluationResult decision = role.evaluator().evaluate(decrypt(key, role));
            if (decision.isAllowed()) {
                continue;
            }
            if (elsewhere != null) {
                refused.add(new RemediationPlan.Refused(read.ruleId(), key, elsewhere + "; it " + why
                        + ", and remediation grants only keys of this account and region", key.contains(":alias/")
                        ? "" : SpecExecutionGrants.keyStatement(key)));
            } else if (decision.isDenied()) {
                grants.add(new RemediationPlan.Granted(new ExecutionGrant(List.of("kms:Decrypt"), key),
                        read.ruleId(), why));
            } else {
                refused.add(new RemediationPlan.Refused(read.ruleId(), key, "whether execution role "
                        + role.role().name() + " may kms:Decrypt " + key + " depends on condition keys "
                        + decision.missingContextKeys() + " that cannot be known here; nothing is granted on a guess"));
            }
        }
        return new RemediationPlan(grants, refused, unreadable);
    }

    // Null when the key is this account's and region's own, else why it is not.
    private String elsewhere(String key) {
        String[] parts = key.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("kms")) {
            return "`" + key + "` is not a KMS key ARN";
        }
        if (!parts[4].equals(scope.account())) {
            return "KMS key " + key + " is in account " + parts[4] + ", not this account " + scope.account()
                    + (key.contains(":alias/") ? " (an alias: grant the key it points to)" : "")
                    + "; its key policy must allow this role too";
        }
        if (!parts[3].equals(scope.region()) || !parts[5].startsWith("key/")) {
            return "KMS key " + key + " is not a key of this region " + scope.region();
        }
        return null;
    }

    // As the role's call reaches KMS: Secrets Manager of the key's region decrypts on the role's behalf.
    private Request decrypt(String key, RoleAnalysisContext.Analyzed role) {
        String region = key.split(":", 6).length > 3 ? key.split(":", 6)[3] : scope.region();
        return Request.of("kms:Decrypt", key)
                .with("aws:PrincipalArn", role.role().arn())
                .with("aws:PrincipalAccount", scope.account())
                .with("aws:PrincipalType", "AssumedRole")
                .with("aws:PrincipalIsAWSService", "false")
                .with("aws:RequestedRegion", region)
                .with("kms:ViaService", "secretsmanager." + region + ".amazonaws.com");
    }
}
