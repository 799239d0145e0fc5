package dev.ecsiamguard.api;

import dev.ecsiamguard.core.Bounded;

/**
 * A request the API answers with an error status: the status, a stable machine-readable code, a human message
 * safe to show the caller, and the offending field when there is one.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(Bounded.message(message));
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** 400 for a field of the body or a path parameter; the message names the field. */
    public static ApiException invalid(String field, String problem) {
        return new ApiException(400, "invalid_request", "`" + field + "`: " + problem, field);
    }

    public static ApiException malformedBody(String problem) {
        return new ApiException(400, "malformed_body", problem, "body");
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message, null);
    }

    public static ApiException notImplemented(String message) {
        return new ApiException(501, "not_implemented", message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The offending field, or null. */
    public String field() {
        return field;
    }
}
