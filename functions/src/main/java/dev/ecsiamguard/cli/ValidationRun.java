package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Severity;
import java.util.List;

/**
 * One invocation's outcome over all files, from which every format renders and the exit code follows.
 *
 * @param command {@code validate} or {@code check-role}, named in every format
 */
record ValidationRun(List<FileResult> results, OpenedRoles roles, Severity threshold, String command) {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int UNUSABLE = 2;

    ValidationRun {
        results = List.copyOf(results);
    }

    ValidationRun(List<FileResult> results, OpenedRoles roles, Severity threshold) {
        this(results, roles, threshold, CliOptions.VALIDATE);
    }

    /** 2 when any file could not be used, else 1 when any report fails the threshold, else 0. */
    int exitCode() {
        if (results.stream().anyMatch(r -> r instanceof FileResult.Failed)) {
            return UNUSABLE;
        }
        return passed() ? PASSED : FAILED;
    }

    boolean passed() {
        return results.stream().allMatch(r -> r instanceof FileResult.Checked c && c.report().passed(threshold));
    }
}
