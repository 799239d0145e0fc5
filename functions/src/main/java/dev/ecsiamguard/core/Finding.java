package dev.ecsiamguard.core;

import java.util.Objects;

/**
 * One thing wrong with one resource. The message is a single sentence naming the resource;
 * the fix is the concrete change (often the exact policy statement), falling back to the rule's remediation.
 * Never carries a secret's value.
 */
public record Finding(RuleMetadata rule, Severity severity, String resourceArn, String message, String fix) {

    /** IAM's own limit on an ARN's length. */
    public static final int MAX_ARN = 2048;

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(message, "message");
        // Messages quote user-controlled names and images: bounded, so one hostile value cannot bloat a report.
        resourceArn = Bounded.cut(resourceArn, MAX_ARN);
        message = Bounded.message(message);
        fix = fix == null || fix.isBlank() ? rule.remediation() : Bounded.cut(fix, Bounded.FIX);
    }

    /** A finding at the rule's own severity, with the rule's remediation as the fix. */
    public static Finding of(RuleMetadata rule, String resourceArn, String message) {
        return new Finding(rule, rule.severity(), resourceArn, message, null);
    }

    public Finding withFix(String exactFix) {
        return new Finding(rule, severity, resourceArn, message, exactFix);
    }

    public Finding withSeverity(Severity other) {
        return new Finding(rule, other, resourceArn, message, fix);
    }
}
