package dev.ecsiamguard.app;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.taskdef.RolePinning;
import dev.ecsiamguard.core.taskdef.TaskDefinitionContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the validation function behaves, read once from its environment: report only or enforce, the severity that
 * fails a revision, whether enforcement deregisters, whether findings go to Security Hub, allowed registries,
 * and whether each family is pinned to the roles provisioned for it.
 */
public record ValidationConfig(Mode mode, Severity threshold, boolean deregisterNonCompliant,
                               boolean securityHubEnabled, List<String> allowedImageRegistries, String busName,
                               Optional<RolePinning> rolePinning, Optional<Remediation> remediation) {

    /**
     * audit reports only; enforce also tags (and optionally deregisters) a revision that fails; remediate grants
     * managed execution roles what their revision needs within the configured prefixes, and reports the rest.
     */
    public enum Mode { AUDIT, ENFORCE, REMEDIATE }

    /**
     * What remediation needs: the provisioning names and prefixes, the buckets environment files may use, and
     * where the service specs live (`SPEC_TABLE`, `SPEC_TABLE_REGION`), where it records what it grants.
     */
    public record Remediation(ProvisioningConfig names, List<String> environmentFileBuckets,
                              Map<String, String> specTable) {

        public Remediation {
            environmentFileBuckets = List.copyOf(environmentFileBuckets);
            specTable = Map.copyOf(specTable);
        }
    }

    public ValidationConfig {
        allowedImageRegistries = List.copyOf(allowedImageRegistries);
    }

    public static ValidationConfig fromEnvironment(Map<String, String> env) {
        String mode = value(env, "MODE", "audit").toUpperCase(Locale.ROOT);
        if (!mode.equals("AUDIT") && !mode.equals("ENFORCE") && !mode.equals("REMEDIATE")) {
            throw new IllegalArgumentException("MODE is `" + env.get("MODE")
                    + "`: expected audit, enforce or remediate");
        }
        String registries = value(env, "ALLOWED_IMAGE_REGISTRIES", "");
        return new ValidationConfig(Mode.valueOf(mode), Severity.parse(value(env, "SEVERITY_THRESHOLD", "HIGH")),
                flag(env, "DEREGISTER_NONCOMPLIANT"), flag(env, "SECURITY_HUB_ENABLED"),
                registries.isEmpty() ? TaskDefinitionContext.DEFAULT_IMAGE_REGISTRIES
                        : Arrays.stream(registries.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                value(env, "EVENT_BUS_NAME", "ecs-iam-guard"), rolePinning(env),
                mode.equals("REMEDIATE") ? Optional.of(new Remediation(ProvisioningConfig.fromEnvironment(env),
                        buckets(value(env, "REMEDIATE_ENVIRONMENT_FILE_BUCKETS", "")), specTable(env)))
                        : Optional.empty());
    }

    private static Map<String, String> specTable(Map<String, String> env) {
        Map<String, String> location = new java.util.HashMap<>();
        for (String key : List.of("SPEC_TABLE", "SPEC_TABLE_REGION")) {
            location.put(key, value(env, key, ""));
        }
        return location;
    }

    private static List<String> buckets(String list) {
        List<String> buckets = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String bucket : buckets) {
            if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("REMEDIATE_ENVIRONMENT_FILE_BUCKETS has `" + bucket
                        + "`: expected S3 bucket names, comma-separated, no wildcards");
            }
        }
        return buckets;
    }

    /** With PIN_ROLES_TO_FAMILY=true, a family may only use the roles the provisioner names after it. */
    private static Optional<RolePinning> rolePinning(Map<String, String> env) {
        if (!flag(env, "PIN_ROLES_TO_FAMILY")) {
            return Optional.empty();
        }
        ProvisioningConfig names = ProvisioningConfig.fromEnvironment(env);
        return Optional.of(new RolePinning(names.expand(names.executionRoleTemplate(), "{family}"),
                names.expand(names.taskRoleTemplate(), "{family}")));
    }

    public boolean enforcing() {
        return mode == Mode.ENFORCE;
    }

    private static boolean flag(Map<String, String> env, String key) {
        String v = value(env, key, "false").toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key + " is `" + env.get(key) + "`: expected true or false");
        }
        return v.equals("true");
    }

    private static String value(Map<String, String> env, String key, String fallback) {
        String v = env.get(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
