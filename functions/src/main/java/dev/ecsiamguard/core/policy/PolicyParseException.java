package dev.ecsiamguard.core.policy;

/** A document IAM would reject; the message says where, so a finding can point at the faulty element. */
public final class PolicyParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String location;
    private final String reason;

    public PolicyParseException(String location, String reason) {
        super(location.isEmpty() ? reason : location + ": " + reason);
        this.location = location;
        this.reason = reason;
    }

    /** Where the problem is, e.g. {@code statement 2 (Sid `X`): field `Effect`}; empty for the whole document. */
    public String location() {
        return location;
    }

    public String reason() {
        return reason;
    }
}
