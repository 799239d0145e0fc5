package dev.ecsiamguard.cli;

/** The output formats of {@code --format}: for people, for programs, and for code scanning in CI. */
enum OutputFormat {
    TEXT, JSON, SARIF
}
