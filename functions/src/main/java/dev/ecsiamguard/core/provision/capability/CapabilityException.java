package dev.ecsiamguard.core.provision.capability;

/** A declaration that cannot be granted; {@code field} names where it was written (API field or tag item). */
public final class CapabilityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public CapabilityException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** The message without the field, for surfaces that carry the field separately. */
    public String problem() {
        return problem;
    }
}
