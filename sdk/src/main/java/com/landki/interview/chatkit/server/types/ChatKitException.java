package com.landki.interview.chatkit.server.types;

/**
 * A request the server refuses before any answer starts: malformed JSON, a failed field check, a thread or
 * item that does not exist for the caller, a feature this server does not offer. Carries a snake_case
 * {@link #code()} and the HTTP status a servlet should answer with; the message is safe to show to the user.
 */
public class ChatKitException extends RuntimeException {

    public static final String INVALID_JSON = "invalid_json";
    public static final String VALIDATION_FAILED = "validation_failed";
    public static final String NOT_FOUND = "not_found";
    public static final String NOT_SUPPORTED = "not_supported";

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int httpStatus;

    public ChatKitException(String code, int httpStatus, String message) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** A thread or item that does not exist — or belongs to another user, which must look the same. */
    public static ChatKitException notFound(String what, String id) {
        return new ChatKitException(NOT_FOUND, 404, what + " not found: " + id);
    }

    /** A field is missing or has the wrong shape; {@code field} names it. */
    public static ChatKitException validation(String field, String rule) {
        return new ChatKitException(VALIDATION_FAILED, 400, field + " " + rule);
    }

    /** A feature this server does not offer. */
    public static ChatKitException notSupported(String message) {
        return new ChatKitException(NOT_SUPPORTED, 400, message);
    }

    /** snake_case error code, e.g. {@code not_found}. */
    public String code() {
        return code;
    }

    /** The HTTP status that fits, e.g. 404. */
    public int httpStatus() {
        return httpStatus;
    }
}
