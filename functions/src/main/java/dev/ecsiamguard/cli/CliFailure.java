package dev.ecsiamguard.cli;

/** Why the command cannot do its job at all (bad arguments, unreadable input): it maps to exit code 2. */
final class CliFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean usage;

    private CliFailure(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    /** The command line itself is wrong: the message is followed by a pointer to {@code --help}. */
    static CliFailure usage(String message) {
        return new CliFailure(message, true);
    }

    /** An input the command was pointed at cannot be read or used. */
    static CliFailure input(String message) {
        return new CliFailure(message, false);
    }

    boolean isUsage() {
        return usage;
    }
}
