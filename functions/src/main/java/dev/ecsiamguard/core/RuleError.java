package dev.ecsiamguard.core;

/** A rule that could not run on some input; the report carries on without it. */
public record RuleError(String ruleId, String resourceArn, String message) {
}
