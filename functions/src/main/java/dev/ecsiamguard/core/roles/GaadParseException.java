package dev.ecsiamguard.core.roles;

/** A saved account-details file that cannot be read; the message starts with where it went wrong. */
public final class GaadParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String location;

    public GaadParseException(String location, String problem) {
        super(location.isEmpty() ? problem : location + ": " + problem);
        this.location = location;
    }

    /** The JSON path of the offending value, such as {@code RoleDetailList[2].Arn}; empty for the whole file. */
    public String location() {
        return location;
    }
}
