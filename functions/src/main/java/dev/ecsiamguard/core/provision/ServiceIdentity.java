package dev.ecsiamguard.core.provision;

import java.util.regex.Pattern;

/**
 * The names of everything one service owns, derived from its ECR repository name and validated up front,
 * so an impossible name is rejected before any AWS call.
 */
public record ServiceIdentity(String service, String repositoryName, String executionRoleName,
                              String taskRoleName, String logGroupName) {

    // ECR's own rule for repository names (lowercase, optional namespaces separated by `/`).
    private static final Pattern REPOSITORY = Pattern.compile(
            "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern LOG_GROUP = Pattern.compile("[\\w#./-]{1,512}");

    public static ServiceIdentity forRepository(String repositoryName, ProvisioningConfig config) {
        if (repositoryName == null || repositoryName.length() < 2 || repositoryName.length() > 256
                || !REPOSITORY.matcher(repositoryName).matches()) {
            throw new IllegalArgumentException("repository name `" + repositoryName
                    + "` is not a valid ECR repository name");
        }
        String service = switch (config.serviceNameRule()) {
            case JOIN -> repositoryName.replace('/', '-');
            case LAST_SEGMENT -> repositoryName.substring(repositoryName.lastIndexOf('/') + 1);
        };
        return forService(service, repositoryName, config);
    }

    public static ServiceIdentity forService(String service, String repositoryName, ProvisioningConfig config) {
        if (!service.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("service name `" + service
                    + "` must be lowercase letters, digits, `.`, `_` or `-`");
        }
        String execution = config.expand(config.executionRoleTemplate(), service);
        String task = config.expand(config.taskRoleTemplate(), service);
        String logGroup = config.expand(config.logGroupTemplate(), service);
        requireRoleName(execution, service);
        requireRoleName(task, service);
        if (execution.equals(task)) {
            throw new IllegalArgumentException("execution and task role names are both `" + execution
                    + "`: the name templates must differ");
        }
        if (!LOG_GROUP.matcher(logGroup).matches()) {
            throw new IllegalArgumentException("log group name `" + logGroup + "` for service `" + service
                    + "` is not a valid CloudWatch Logs name");
        }
        return new ServiceIdentity(service, repositoryName, execution, task, logGroup);
    }

    private static void requireRoleName(String roleName, String service) {
        if (!ROLE_NAME.matcher(roleName).matches()) {
            throw new IllegalArgumentException("role name `" + roleName + "` for service `" + service + "` is "
                    + (roleName.length() > 64 ? roleName.length() + " characters long: IAM allows at most 64"
                    : "not a valid IAM role name"));
        }
    }
}
