package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Report;

/** What became of one input file: checked with a report, or not usable at all (exit 2, with where it failed). */
sealed interface FileResult permits FileResult.Checked, FileResult.Failed {

    /** The path as shown in output: relative to the working directory when under it, with forward slashes. */
    String file();

    /**
     * What one report is about, in the words every format shows.
     *
     * @param kind {@code task definition}, {@code trust policy}, {@code permission policy} or {@code role}
     * @param name the task definition's name, the role ARN, or the file for a bare policy
     * @param note which rules ran when that is not obvious (no trust policy, no permission policies), or empty
     * @param policyKind what a bare permission policy was judged as ({@code execution}, {@code task},
     *     {@code deploy}, {@code other}), or empty for every other subject
     * @param kindInferred whether that kind was inferred from the policy rather than given with {@code --kind}
     */
    record Subject(String kind, String name, String note, String policyKind, boolean kindInferred) {

        static final String TASK_DEFINITION = "task definition";

        Subject(String kind, String name, String note) {
            this(kind, name, note, "", false);
        }

        boolean isTaskDefinition() {
            return kind.equals(TASK_DEFINITION);
        }
    }

    /** One report from a file that parsed (a role file gives one per role); {@code text} points SARIF at lines. */
    record Checked(String file, String text, Subject subject, Report report) implements FileResult {
    }

    /** A file that could not be read or parsed; {@code message} starts with the location when there is one. */
    record Failed(String file, String message) implements FileResult {
    }
}
