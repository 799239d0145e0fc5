package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the command line asked for, parsed once so the run itself never looks at raw arguments.
 *
 * @param command {@code validate} (and later {@code check-role}), or {@code help}
 * @param output where to write the result, or {@code null} for standard output
 * @param allowedRegistries image registry prefixes replacing the defaults, empty to keep the defaults
 * @param accountId the account the task definitions belong to, or {@code null} to derive it from ARNs
 */
record CliOptions(String command, List<Path> files, RolesChoice roles, OutputFormat format, Severity threshold,
                  Path output, List<String> allowedRegistries, String accountId) {

    /** Findings at or above this severity fail the run unless {@code --threshold} says otherwise. */
    static final Severity DEFAULT_THRESHOLD = Severity.HIGH;

    CliOptions {
        files = List.copyOf(files);
        allowedRegistries = List.copyOf(allowedRegistries);
    }

    boolean isHelp() {
        return command.equals("help");
    }
}
