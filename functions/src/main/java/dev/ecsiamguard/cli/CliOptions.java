package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.github.PolicyRoleKind;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the command line asked for, parsed once so the run itself never looks at raw arguments.
 *
 * @param command {@code validate}, {@code check-role}, or {@code help}
 * @param output where to write the result, or {@code null} for standard output
 * @param allowedRegistries image registry prefixes replacing the defaults, empty to keep the defaults
 * @param accountId the account the task definitions belong to, or {@code null} to derive it from ARNs
 * @param deployments the {@code GITHUB_DEPLOYMENTS} JSON file roles are held to ({@code check-role}), or {@code null}
 * @param ecsRole whether every checked role is meant for ECS tasks ({@code check-role --ecs-role})
 * @param policyKind what a bare permission policy is judged as ({@code check-role --kind}), or {@code null} to
 *     infer it from the policy (auto)
 */
record CliOptions(String command, List<Path> files, RolesChoice roles, OutputFormat format, Severity threshold,
                  Path output, List<String> allowedRegistries, String accountId, Path deployments, boolean ecsRole,
                  PolicyRoleKind policyKind) {

    /** Findings at or above this severity fail the run unless {@code --threshold} says otherwise. */
    static final Severity DEFAULT_THRESHOLD = Severity.HIGH;

    static final String VALIDATE = "validate";
    static final String CHECK_ROLE = "check-role";

    CliOptions {
        files = List.copyOf(files);
        allowedRegistries = List.copyOf(allowedRegistries);
    }

    boolean isCheckRole() {
        return command.equals(CHECK_ROLE);
    }

    boolean isHelp() {
        return command.equals("help");
    }
}
