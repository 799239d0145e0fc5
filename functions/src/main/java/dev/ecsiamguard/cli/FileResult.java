package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.taskdef.TaskDefinition;

/** What became of one input file: checked with a report, or not usable at all (exit 2, with where it failed). */
sealed interface FileResult permits FileResult.Checked, FileResult.Failed {

    /** The path as shown in output: relative to the working directory when under it, with forward slashes. */
    String file();

    /** A file that parsed; {@code text} is kept to point SARIF results at lines. */
    record Checked(String file, String text, TaskDefinition taskDefinition, Report report) implements FileResult {
    }

    /** A file that could not be read or parsed; {@code message} starts with the location when there is one. */
    record Failed(String file, String message) implements FileResult {
    }
}
