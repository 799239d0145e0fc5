package dev.ecsiamguard.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** What a rule is: the stable id from the rule catalog, its severity, title and remediation. */
public record RuleMetadata(String id, Severity severity, String title, String remediation) {

    private static final Pattern ID = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)+");

    public RuleMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(remediation, "remediation");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id `" + id + "` does not match " + ID);
        }
        if (title.isBlank() || remediation.isBlank()) {
            throw new IllegalArgumentException("rule `" + id + "` needs a title and a remediation");
        }
    }
}
