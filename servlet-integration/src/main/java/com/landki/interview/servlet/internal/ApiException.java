package com.landki.interview.servlet.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure that becomes one JSON error body {@code {"error":{"code","message"}}} with an HTTP status.
 * The message is meant for a person and never carries a secret or a stack trace.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra response headers such as {@code Allow}, {@code Retry-After} or {@code x-request-id}. */
    public Map<String, String> headers() {
        return headers;
    }

    public ApiException withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiException(status, code, getMessage(), copy);
    }

    public static ApiException validation(String field, String rule) {
        return new ApiException(400, "validation_failed", "field '" + field + "' " + rule);
    }

    public static ApiException notConfigured(String what) {
        return new ApiException(503, "not_configured", what);
    }
}
