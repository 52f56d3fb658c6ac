package com.landki.interview.chatkit.server.types;

/**
 * A request the server refuses before any answer starts: malformed JSON, a failed field check, a thread or
 * item that does not exist for the caller, a feature this server does not offer. Carries a snake_case
 * {@link #code()} and the HTTP status a servlet should answer with; the message is safe to show to the user.
 */
public class ChatKitException extends RuntimeException {

    /** {@link #code()} of a body that is not JSON (HTTP 400). */
    public static final String INVALID_JSON = "invalid_json";
    /** {@link #code()} of a missing or malformed field (HTTP 400). */
    public static final String VALIDATION_FAILED = "validation_failed";
    /** {@link #code()} of an unknown thread or item (HTTP 404). */
    public static final String NOT_FOUND = "not_found";
    /** {@link #code()} of a feature this server does not offer (HTTP 400). */
    public static final String NOT_SUPPORTED = "not_supported";

    private static final long serialVersionUID = 1L;

    /** The snake_case error code. */
    private final String code;
    /** The HTTP status to answer with. */
    private final int httpStatus;

    /**
     * An error with its own code.
     *
     * @param code snake_case, e.g. {@link #NOT_FOUND}
     * @param httpStatus the status a servlet answers with
     * @param message safe to show to the user
     */
    public ChatKitException(String code, int httpStatus, String message) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /**
     * A thread or item that does not exist — or belongs to another user, which must look the same.
     *
     * @param what the kind of object, e.g. {@code thread}
     * @param id the id asked for
     * @return a {@link #NOT_FOUND} exception (HTTP 404)
     */
    public static ChatKitException notFound(String what, String id) {
        return new ChatKitException(NOT_FOUND, 404, what + " not found: " + id);
    }

    /**
     * A field is missing or has the wrong shape; {@code field} names it.
     *
     * @param field the JSON field
     * @param rule what it must be, e.g. {@code must be a string}
     * @return a {@link #VALIDATION_FAILED} exception (HTTP 400)
     */
    public static ChatKitException validation(String field, String rule) {
        return new ChatKitException(VALIDATION_FAILED, 400, field + " " + rule);
    }

    /**
     * A feature this server does not offer.
     *
     * @param message says which feature
     * @return a {@link #NOT_SUPPORTED} exception (HTTP 400)
     */
    public static ChatKitException notSupported(String message) {
        return new ChatKitException(NOT_SUPPORTED, 400, message);
    }

    /**
     * snake_case error code, e.g. {@code not_found}.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * The HTTP status that fits, e.g. 404.
     *
     * @return the status
     */
    public int httpStatus() {
        return httpStatus;
    }
}
