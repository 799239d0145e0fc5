package dev.ecsiamguard.core.remediate;

import dev.ecsiamguard.core.provision.SpecExecutionGrants;
import dev.ecsiamguard.core.roles.ExecutionRoleGaps.Gap;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which execution-role gaps remediation may close: only secrets and parameters under the configured
 * prefixes, the service's own log group, and environment files in an allowed bucket, each on its exact ARN in
 * the service's account and region. Everything else stays a finding. Pure: no AWS call.
 */
public final class RemediationPlanner {

    private final RemediationScope scope;

    public RemediationPlanner(RemediationScope scope) {
        this.scope = scope;
    }

    public RemediationPlan plan(List<Gap> gaps) {
        List<RemediationPlan.Granted> grants = new ArrayList<>();
        List<RemediationPlan.Refused> refused = new ArrayList<>();
        for (Gap gap : gaps) {
            String reason = refusal(gap);
            if (reason == null) {
                grants.add(new RemediationPlan.Granted(new ExecutionGrant(gap.actions(), gap.fixResource()),
                        gap.ruleId(), gap.why()));
            } else {
                refused.add(new RemediationPlan.Refused(gap.ruleId(), gap.resource(), reason));
            }
        }
        return new RemediationPlan(grants, refused);
    }

    /** Why this gap may not be granted, or null when it may. */
    String refusal(Gap gap) {
        String reason = scopeRefusal(gap);
        if (reason != null) {
            return reason;
        }
        // What is granted is recorded in the spec as the resource's ARN, which says which actions it gets.
        List<String> recordable;
        try {
            recordable = SpecExecutionGrants.actionsFor(gap.fixResource());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return recordable.containsAll(gap.actions()) ? null : "remediation grants only " + recordable + " on `"
                + gap.fixResource() + "`, not " + gap.actions();
    }

    private String scopeRefusal(Gap gap) {
        String resource = gap.fixResource();
        String action = gap.actions().get(0);
        String service = action.substring(0, action.indexOf(':'));
        if (!gap.actions().stream().allMatch(a -> a.startsWith(service + ":"))) {
            return "the needed actions span several services";
        }
        return switch (service) {
            case "secretsmanager" -> underPrefix(resource, "secretsmanager", "secret:", scope.secretsPrefix(),
                    "SecretsManagerPrefix");
            case "ssm" -> underPrefix(resource, "ssm", "parameter", scope.parameterPath(), "SsmParameterPrefix");
            case "logs" -> ownLogGroup(resource);
            case "s3" -> allowedBucket(resource);
            default -> "remediation never grants " + service + " actions";
        };
    }

    private String underPrefix(String resource, String service, String type, java.util.Optional<String> prefix,
                               String parameter) {
        if (prefix.isEmpty()) {
            return "no " + parameter + " is configured, so no " + service + " grant is made";
        }
        if (hasWildcard(resource)) {
            return "`" + resource + "` is not an exact ARN (a partial secret ARN is matched with wildcards): "
                    + "reference the full ARN";
        }
        String own = scope.arnPrefix(service) + type;
        if (!resource.startsWith(own)) {
            return "`" + resource + "` is not in this account and region (" + scope.account() + ", "
                    + scope.region() + ")";
        }
        String name = resource.substring(own.length());
        if (!name.startsWith(prefix.get())) {
            return "`" + name + "` is outside the configured " + parameter + " `" + prefix.get() + "`";
        }
        return null;
    }

    // Log streams are created at run time, so a log group's grant names its streams with `:*`, and only that.
    private String ownLogGroup(String resource) {
        String own = scope.arnPrefix("logs") + "log-group:" + scope.logGroupName() + ":*";
        return resource.equals(own) ? null
                : "`" + resource + "` is not the service's own log group " + scope.logGroupName();
    }

    private String allowedBucket(String resource) {
        String prefix = "arn:" + scope.partition() + ":s3:::";
        if (!resource.startsWith(prefix) || hasWildcard(resource)) {
            return "`" + resource + "` is not an exact S3 ARN";
        }
        String path = resource.substring(prefix.length());
        String bucket = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        return scope.environmentFileBuckets().contains(bucket) ? null
                : "bucket `" + bucket + "` is not one of the allowed environment-file buckets "
                        + scope.environmentFileBuckets();
    }

    private static boolean hasWildcard(String resource) {
        return resource.contains("*") || resource.contains("?");
    }
}
