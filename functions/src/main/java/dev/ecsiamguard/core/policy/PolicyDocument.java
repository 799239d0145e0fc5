package dev.ecsiamguard.core.policy;

import java.util.List;

/** A parsed policy: the unit IAM stores, attaches and validates. */
public record PolicyDocument(String version, List<Statement> statements) {

    public PolicyDocument {
        version = version == null ? "" : version;
        statements = List.copyOf(statements);
    }

    /** Parses plain or URL-encoded JSON as IAM would accept it, or throws a located {@link PolicyParseException}. */
    public static PolicyDocument parse(String text, PolicyKind kind) {
        return new PolicyParser(kind).parse(text);
    }

    public static PolicyDocument parseIdentity(String text) {
        return parse(text, PolicyKind.IDENTITY);
    }

    public static PolicyDocument parseTrust(String text) {
        return parse(text, PolicyKind.TRUST);
    }

    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument("2012-10-17", List.of(statements));
    }
}
