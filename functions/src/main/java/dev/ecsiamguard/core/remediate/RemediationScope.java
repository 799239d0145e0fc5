package dev.ecsiamguard.core.remediate;

import java.util.List;
import java.util.Optional;

/**
 * What remediation may grant one service's execution role: its region and account, the configured secret
 * prefixes (expanded for the service; absent means nothing of that kind is granted), its log group, and the
 * buckets environment files may come from.
 */
public record RemediationScope(String partition, String account, String region, Optional<String> secretsPrefix,
                               Optional<String> parameterPath, String logGroupName,
                               List<String> environmentFileBuckets) {

    public RemediationScope {
        environmentFileBuckets = List.copyOf(environmentFileBuckets);
        secretsPrefix = secretsPrefix.filter(p -> !p.isBlank());
        parameterPath = parameterPath.filter(p -> !p.isBlank()).map(p -> p.startsWith("/") ? p : "/" + p);
    }

    String arnPrefix(String service) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":";
    }
}
