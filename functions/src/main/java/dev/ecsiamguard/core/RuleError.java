package dev.ecsiamguard.core;

/** A rule that could not run on some input; the report carries on without it. */
public record RuleError(String ruleId, String resourceArn, String message) {

    public RuleError {
        resourceArn = Bounded.cut(resourceArn, Finding.MAX_ARN);
        message = Bounded.message(message);
    }
}
