package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.store.InvalidEntryException;
import com.landki.interview.store.StoreException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure that becomes one JSON error body {@code {"error":{"code","message"}}} with an HTTP status.
 * The message is meant for a person and never carries a secret or a stack trace.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger("com.landki.interview.servlet");

    /** Seconds a client is asked to wait after {@code store_unavailable}. */
    static final String STORE_RETRY_AFTER_SECONDS = "5";

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

    /** Maps anything thrown by a handler to an error body; unexpected failures are logged, never shown. */
    public static ApiException from(Throwable failure) {
        Throwable cause = UpstreamErrors.unwrap(failure);
        if (cause instanceof ApiException api) {
            return api;
        }
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return PayloadTooLargeException.toApi(tooLarge.limit());
        }
        if (cause instanceof ChatKitException chatKit) {
            return new ApiException(chatKit.httpStatus(), chatKit.code(), chatKit.getMessage());
        }
        if (UpstreamErrors.isUpstream(cause)) {
            return UpstreamErrors.toApi(cause);
        }
        if (cause instanceof InvalidEntryException invalid) {
            return new ApiException(400, "validation_failed", invalid.getMessage());
        }
        if (cause instanceof StoreException) {
            LOG.error("store failure while answering an API request", cause);
            // the database is likely down or overloaded: a client may try again shortly
            return new ApiException(503, "store_unavailable", "the store could not be used; see the server log",
                    Map.of("Retry-After", STORE_RETRY_AFTER_SECONDS));
        }
        LOG.error("unexpected failure while answering an API request", cause);
        return new ApiException(500, "internal_error", "unexpected server error; see the server log");
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
