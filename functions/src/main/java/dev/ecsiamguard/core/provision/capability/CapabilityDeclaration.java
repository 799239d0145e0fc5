package dev.ecsiamguard.core.provision.capability;

import dev.ecsiamguard.core.provision.capability.CapabilityKind.Value;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One declared capability, as written: {@code kind[.access][=resource[=qualifier]]}, e.g. {@code exec},
 * {@code s3.read-write=uploads-bucket/payments-api}, {@code efs=fs-0123abcd=fsap-0123456789abcdef0}. Only the
 * characters AWS allows in a tag value are accepted, so a tag and an API request say the same thing the same way.
 *
 * @param field where it was written, for messages (e.g. {@code capabilities[2]})
 */
public record CapabilityDeclaration(String text, String field, CapabilityKind kind, Optional<Access> access,
                                    Optional<String> resource, Optional<String> qualifier) {

    /** What AWS accepts in a tag value, minus the space and `+` that separate declarations in a tag. */
    static final Pattern TAG_CHARACTERS = Pattern.compile("[\\p{L}\\p{N}_.:/=@-]+");
    static final int MAX_LENGTH = 256;

    public static CapabilityDeclaration parse(String text, String field) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new CapabilityException(field, "empty capability: expected one of " + CapabilityKind.allSpellings());
        }
        if (t.contains("*") || t.contains("?")) {
            throw new CapabilityException(field, "`" + t + "` has a wildcard: name each resource exactly "
                    + "(prefixes are scoped by the generated policy)");
        }
        if (t.length() > MAX_LENGTH || !TAG_CHARACTERS.matcher(t).matches()) {
            throw new CapabilityException(field, "`" + t + "` must be at most " + MAX_LENGTH + " letters, digits "
                    + "or `_ . : / = - @` (what a tag value allows, `+` and space separate declarations)");
        }
        String[] parts = t.split("=", 3);
        String head = parts[0];
        int dot = head.indexOf('.');
        String kindText = dot < 0 ? head : head.substring(0, dot);
        CapabilityKind kind = CapabilityKind.named(kindText);
        if (kind == null) {
            throw new CapabilityException(field, "unknown task role capability `" + kindText + "`: expected one of "
                    + CapabilityKind.allSpellings());
        }
        Optional<Access> access = dot < 0 ? Optional.empty() : Optional.of(access(kind, head.substring(dot + 1),
                field));
        Optional<String> resource = part(parts, 1);
        Optional<String> qualifier = part(parts, 2);
        require(kind, kind.resource(), resource, "a resource", field);
        require(kind, kind.qualifier(), qualifier, "a second value", field);
        return new CapabilityDeclaration(t, field, kind, access, resource, qualifier);
    }

    /** The declared access, or the capability's default. */
    public Access effectiveAccess() {
        return access.orElse(kind.defaultAccess());
    }

    private static Access access(CapabilityKind kind, String text, String field) {
        Access access = Access.named(text);
        if (access == null || !kind.accesses().contains(access)) {
            String allowed = kind.accesses().stream().map(Access::spelling).toList().toString();
            throw new CapabilityException(field, kind.accesses().isEmpty()
                    ? "capability `" + kind.spelling() + "` takes no access, got `" + text + "`"
                    : "access `" + text + "` of capability `" + kind.spelling() + "` must be one of " + allowed);
        }
        return access;
    }

    private static Optional<String> part(String[] parts, int index) {
        return parts.length > index ? Optional.of(parts[index]) : Optional.empty();
    }

    private static void require(CapabilityKind kind, Value rule, Optional<String> value, String what, String field) {
        if (value.isPresent() && value.get().isEmpty()) {
            throw new CapabilityException(field, "capability `" + kind.spelling() + "` has an empty " + what
                    .replace("a ", ""));
        }
        if (rule == Value.NONE && value.isPresent()) {
            throw new CapabilityException(field, "capability `" + kind.spelling() + "` takes no " + what
                    .replace("a ", "") + ", got `" + value.get() + "`");
        }
        if (rule == Value.REQUIRED && value.isEmpty()) {
            throw new CapabilityException(field, "capability `" + kind.spelling() + "` needs " + what + ": "
                    + Examples.of(kind));
        }
    }
}
