package dev.ecsiamguard.cli;

/** Renders a whole run in one output format; each format is its own small class. */
@FunctionalInterface
interface RunFormatter {

    String render(ValidationRun run);

    static RunFormatter of(OutputFormat format, boolean colour) {
        return switch (format) {
            case TEXT -> new TextFormatter(colour);
            case JSON -> new JsonFormatter();
            case SARIF -> new SarifFormatter();
        };
    }
}
