package dev.ecsiamguard.core.taskdef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The organisation's choices the content rules depend on, kept out of the rules so one catalogue serves
 * every account: which registries images may come from, and which environment variable names look secret.
 *
 * @param accountId the account the task definitions belong to, or {@code null} to derive it from ARNs
 * @param allowedImageRegistries image reference prefixes; {@code *} matches within one path segment, and
 *     the entry {@link #OWN_ECR} stands for the private ECR registry of the task's own account and region
 * @param secretEnvNamePatterns upper-case globs on environment variable names, see {@link SecretNames}
 * @param pinning the roles each family may use, or {@code null} when role pinning is off
 * @param accountLogMode the account's ECS {@code defaultLogDriverMode}, which an unset log {@code mode} follows
 */
public record TaskDefinitionContext(String accountId, List<String> allowedImageRegistries,
                                    List<String> secretEnvNamePatterns, RolePinning pinning,
                                    AccountLogMode accountLogMode) {

    /** Stands for {@code <account>.dkr.ecr.<region>.amazonaws.com/} of the task definition being checked. */
    public static final String OWN_ECR = "own-ecr";

    public static final List<String> DEFAULT_IMAGE_REGISTRIES = List.of(OWN_ECR, "public.ecr.aws/");

    public TaskDefinitionContext {
        allowedImageRegistries = List.copyOf(allowedImageRegistries);
        secretEnvNamePatterns = List.copyOf(secretEnvNamePatterns);
    }

    public static TaskDefinitionContext defaults() {
        return new TaskDefinitionContext(null, DEFAULT_IMAGE_REGISTRIES, SecretNames.DEFAULT_PATTERNS, null,
                AccountLogMode.unknown("no AWS access"));
    }

    public TaskDefinitionContext withAccountId(String account) {
        return new TaskDefinitionContext(account, allowedImageRegistries, secretEnvNamePatterns, pinning,
                accountLogMode);
    }

    /** Replaces the allowed registries; include {@link #OWN_ECR} to keep the task's own ECR registry. */
    public TaskDefinitionContext withAllowedImageRegistries(List<String> registries) {
        return new TaskDefinitionContext(accountId, registries, secretEnvNamePatterns, pinning, accountLogMode);
    }

    public TaskDefinitionContext withSecretEnvNamePatterns(List<String> patterns) {
        return new TaskDefinitionContext(accountId, allowedImageRegistries, patterns, pinning, accountLogMode);
    }

    /** Families may only use the roles named after them (TD-FAMILY-ROLE-PINNING); off unless set. */
    public TaskDefinitionContext withRolePinning(RolePinning rolePinning) {
        return new TaskDefinitionContext(accountId, allowedImageRegistries, secretEnvNamePatterns, rolePinning,
                accountLogMode);
    }

    /** With the account's default log driver mode, as read through {@link EcsAccountSettings}. */
    public TaskDefinitionContext withAccountLogMode(AccountLogMode mode) {
        return new TaskDefinitionContext(accountId, allowedImageRegistries, secretEnvNamePatterns, pinning, mode);
    }

    public Optional<RolePinning> rolePinning() {
        return Optional.ofNullable(pinning);
    }

    /** The configured account, else the one in the task definition ARN, else the one in its roles. */
    public Optional<String> accountFor(TaskDefinition td) {
        if (accountId != null && !accountId.isBlank()) {
            return Optional.of(accountId.trim());
        }
        return Stream.of(td.arn(), td.executionRoleArn(), td.taskRoleArn())
                .map(Arns::account)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The allowed registry patterns with {@link #OWN_ECR} expanded; an unknown account or region becomes *. */
    public List<String> registryPatternsFor(TaskDefinition td) {
        List<String> patterns = new ArrayList<>();
        for (String entry : allowedImageRegistries) {
            if (!entry.equalsIgnoreCase(OWN_ECR)) {
                patterns.add(entry);
                continue;
            }
            String account = accountFor(td).orElse("*");
            String region = Arns.region(td.arn()).orElse("*");
            patterns.add(account + ".dkr.ecr." + region + ".amazonaws.com/");
            patterns.add(account + ".dkr.ecr." + region + ".amazonaws.com.cn/");
        }
        return patterns;
    }
}
