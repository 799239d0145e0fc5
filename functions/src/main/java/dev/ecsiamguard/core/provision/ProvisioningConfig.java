package dev.ecsiamguard.core.provision;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The application's settings for provisioning, read from the function's environment (set from the template's
 * parameters). Name templates accept `{prefix}`, `{service}` and `{environment}`.
 */
public record ProvisioningConfig(String namePrefix, String rolePath, String environment, String clusterName,
                                 Optional<String> permissionsBoundaryArn, ExecutionPolicyMode executionPolicyMode,
                                 int logRetentionDays, Optional<String> secretsManagerPrefix,
                                 Optional<String> ssmParameterPrefix, ServiceNameRule serviceNameRule,
                                 String executionRoleTemplate, String taskRoleTemplate, String logGroupTemplate) {

    /** The values CloudWatch Logs accepts for a retention period. */
    public static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final Pattern NAME_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
    private static final Pattern PATH = Pattern.compile("/([\\x21-\\x7E&&[^/]]+/)*");
    private static final Pattern BOUNDARY = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/.+");

    public ProvisioningConfig {
        require(NAME_PART.matcher(namePrefix).matches(), "NAME_PREFIX", namePrefix,
                "1-32 letters, digits or hyphens, starting with a letter or digit");
        require(NAME_PART.matcher(environment).matches(), "ENVIRONMENT", environment,
                "1-32 letters, digits or hyphens, starting with a letter or digit");
        require(PATH.matcher(rolePath).matches() && rolePath.length() <= 512, "ROLE_PATH", rolePath,
                "a path that starts and ends with `/`");
        require(clusterName.matches("[A-Za-z0-9_-]{1,255}"), "CLUSTER_NAME", clusterName,
                "1-255 letters, digits, hyphens or underscores");
        permissionsBoundaryArn.ifPresent(arn -> require(BOUNDARY.matcher(arn).matches(), "PERMISSIONS_BOUNDARY_ARN",
                arn, "an IAM policy ARN"));
        require(RETENTION_DAYS.contains(logRetentionDays), "LOG_RETENTION_DAYS", String.valueOf(logRetentionDays),
                "one of " + new java.util.TreeSet<>(RETENTION_DAYS));
    }

    public static ProvisioningConfig fromEnvironment(Map<String, String> env) {
        String prefix = value(env, "NAME_PREFIX", "ecs");
        String environment = value(env, "ENVIRONMENT", "dev");
        String cluster = value(env, "CLUSTER_NAME", "{prefix}-{environment}")
                .replace("{prefix}", prefix).replace("{environment}", environment);
        return new ProvisioningConfig(prefix, value(env, "ROLE_PATH", "/ecs-iam-guard/"), environment, cluster,
                optional(env, "PERMISSIONS_BOUNDARY_ARN"),
                parseEnum(ExecutionPolicyMode.class, "EXECUTION_POLICY_MODE", value(env, "EXECUTION_POLICY_MODE",
                        "scoped")),
                parseInt("LOG_RETENTION_DAYS", value(env, "LOG_RETENTION_DAYS", "30")),
                optional(env, "SECRETS_MANAGER_PREFIX"), optional(env, "SSM_PARAMETER_PREFIX"),
                parseEnum(ServiceNameRule.class, "SERVICE_NAME_RULE", value(env, "SERVICE_NAME_RULE", "join")),
                value(env, "EXECUTION_ROLE_NAME", "{prefix}-{service}-execution-role"),
                value(env, "TASK_ROLE_NAME", "{prefix}-{service}-task-role"),
                value(env, "LOG_GROUP_NAME", "/ecs/{environment}/{service}"));
    }

    /** The same settings with the given secret prefixes instead of the configured ones, where present. */
    public ProvisioningConfig withSecretPrefixes(Optional<String> secrets, Optional<String> parameters) {
        return new ProvisioningConfig(namePrefix, rolePath, environment, clusterName, permissionsBoundaryArn,
                executionPolicyMode, logRetentionDays, secrets.or(() -> secretsManagerPrefix),
                parameters.or(() -> ssmParameterPrefix), serviceNameRule, executionRoleTemplate, taskRoleTemplate,
                logGroupTemplate);
    }

    /** Fills a name template for one service. */
    public String expand(String template, String service) {
        return template.replace("{prefix}", namePrefix).replace("{environment}", environment)
                .replace("{service}", service);
    }

    private static String value(Map<String, String> env, String key, String fallback) {
        String v = env.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static Optional<String> optional(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static int parseInt(String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration `" + key + "` is `" + text + "`: expected a number");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration `" + key + "` is `" + text + "`: expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    private static void require(boolean ok, String key, String value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("configuration `" + key + "` is `" + value + "`: expected " + expected);
        }
    }
}
