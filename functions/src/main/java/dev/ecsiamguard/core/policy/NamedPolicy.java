package dev.ecsiamguard.core.policy;

import java.util.Objects;

/** A document with the name findings use to point at it (inline policy name, managed policy ARN, "trust"). */
public record NamedPolicy(String name, PolicyDocument document) {

    public NamedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
