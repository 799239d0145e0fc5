package dev.ecsiamguard.core.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statements for the ARNs recorded in a spec's execution grants (added by a remediation, e.g. a secret a task
 * definition references): each ARN gets the one read action the ECS agent needs for its kind.
 */
public final class SpecExecutionGrants {

    private static final Map<String, String> ACTION_BY_SERVICE = Map.of(
            "secretsmanager", "secretsmanager:GetSecretValue",
            "ssm", "ssm:GetParameters",
            "kms", "kms:Decrypt");
    private static final Map<String, String> SID_BY_SERVICE = Map.of(
            "secretsmanager", "GrantedSecrets", "ssm", "GrantedParameters", "kms", "GrantedKeys");

    private SpecExecutionGrants() {
    }

    /** Throws when the ARN is not one of the kinds an execution role can be granted. */
    public static String require(String arn) {
        serviceOf(arn);
        return arn;
    }

    static List<Map<String, Object>> statements(List<String> grants) {
        Map<String, List<String>> byService = new TreeMap<>();
        for (String arn : grants) {
            byService.computeIfAbsent(serviceOf(arn), k -> new ArrayList<>()).add(arn);
        }
        List<Map<String, Object>> statements = new ArrayList<>();
        byService.forEach((service, arns) -> statements.add(ServiceBlueprint.allow(SID_BY_SERVICE.get(service),
                List.of(ACTION_BY_SERVICE.get(service)), ServiceBlueprint.oneOrMany(arns))));
        return statements;
    }

    private static String serviceOf(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !ACTION_BY_SERVICE.containsKey(parts[2])
                || parts[5].isEmpty() || arn.contains("*")) {
            throw new IllegalArgumentException("execution grant `" + arn + "` is not the ARN of one secret,"
                    + " parameter or KMS key (no wildcards)");
        }
        return parts[2];
    }
}
